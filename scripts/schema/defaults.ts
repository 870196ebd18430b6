// Records each field's default in every built-in profile, and the Helm chart default under `values`.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { mergeProfile } from './profileMerge.ts';
import type { SchemaNode } from './schemaNode.ts';
import { minorNumber, type MinorInfo } from './sources.ts';

type Json = any;

export function readYaml(file: string): Json {
  // Kubernetes reads YAML 1.1 (yes/no/on/off are booleans); so do we.
  return YAML.parse(fs.readFileSync(file, 'utf8'), { version: '1.1', merge: true }) ?? {};
}

/** `istioctl profile dump NAME`: the profile merged over default.yaml. */
export function profileDumps(dir: string, minor: MinorInfo): Map<string, Json> {
  const read = (p: string) => readYaml(path.join(dir, minor.version, 'profiles', `${p}.yaml`));
  const base = read('default');
  const out = new Map<string, Json>();
  for (const p of minor.profiles) out.set(p, p === 'default' ? base : mergeProfile(minor.version, base, read(p)));
  return out;
}

const WRAPPERS = ['_internal_defaults_do_not_set', 'defaults'];
/** Charts whose values are not part of IstioOperator `values` (standalone gateway, operator). */
const SKIP_CHARTS = /^(gateway|istio-operator)\//;
/** Charts whose top level maps to one key of `values` from 1.22 on. */
const NESTED: Record<string, string> = { 'istio-cni': 'cni', ztunnel: 'ztunnel' };

/** The chart whose defaults a `values` setting most likely comes from is listed first: istiod's. */
const CHART_ORDER = ['istio-discovery', 'base', 'istio-ingress', 'istio-egress', 'istio-cni', 'ztunnel'];

/** `istio-control/istio-discovery/values.yaml` → `istio-discovery`: the name istioctl's charts go by. */
export function chartName(chart: string): string {
  return path.basename(path.dirname(chart));
}

function chartRank(chart: string): number {
  const i = CHART_ORDER.indexOf(chartName(chart));
  return i < 0 ? CHART_ORDER.length : i;
}

/**
 * Each chart's default values in `values` terms, istiod's chart first.
 * From 1.24 the istiod chart keeps the pilot settings at its root (istioctl moves `values.pilot`
 * there when rendering), so root keys that are pilot fields go back under `pilot`.
 */
export function chartValues(dir: string, minor: MinorInfo, pilotKeys: Set<string> = new Set()): Array<{ name: string; values: Json }> {
  const out: Array<{ name: string; values: Json }> = [];
  const flattenedPilot = minorNumber(minor.version) >= 24;
  const charts = minor.charts.filter((c) => !SKIP_CHARTS.test(c)).sort((a, b) => chartRank(a) - chartRank(b) || a.localeCompare(b));
  for (const chart of charts) {
    let v = readYaml(path.join(dir, minor.version, 'charts', chart));
    for (const w of WRAPPERS) if (v && typeof v === 'object' && w in v) v = v[w];
    if (flattenedPilot && chart.startsWith('istio-control/istio-discovery') && v && typeof v === 'object') {
      const pilot: Json = { ...(v.pilot ?? {}) };
      const rest: Json = {};
      for (const [k, val] of Object.entries(v)) {
        if (k !== 'pilot' && pilotKeys.has(k)) pilot[k] = val;
        else if (k !== 'pilot') rest[k] = val;
      }
      v = { ...rest, pilot };
    }
    const nestKey = NESTED[chart.split('/')[0]];
    if (nestKey && v && !(nestKey in v)) {
      const { global, ...rest } = v;
      v = { [nestKey]: rest, ...(global ? { global } : {}) };
    }
    out.push({ name: chartName(chart), values: v });
  }
  return out;
}

/** The charts' default values, merged (the first chart in chartValues' order wins on a conflict). */
export function chartDefaults(dir: string, minor: MinorInfo, pilotKeys: Set<string> = new Set()): Json {
  const out: Json = {};
  for (const { values } of chartValues(dir, minor, pilotKeys)) fillMissing(out, values);
  return out;
}

/** The part of a chart's values that the `values` schema declares (what an IstioOperator may set). */
export function declaredValues(schema: SchemaNode, value: Json): Json {
  if (value === undefined || value === null) return undefined;
  if (isLeaf(schema)) return value;
  if (!isPlainObject(value)) return undefined;
  const props = schema.properties as Record<string, SchemaNode>;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    const child = props[k];
    if (!child || child['x-istio-alias-of'] || child.deprecated) continue;
    const kept = declaredValues(child, v);
    if (kept !== undefined && !(isPlainObject(kept) && !Object.keys(kept).length && child.properties)) out[k] = kept;
  }
  return out;
}

function fillMissing(target: Json, src: Json): void {
  if (!src || typeof src !== 'object' || Array.isArray(src)) return;
  for (const [k, v] of Object.entries(src)) {
    if (!(k in target)) target[k] = v;
    else if (isPlainObject(target[k]) && isPlainObject(v)) fillMissing(target[k], v);
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Schema nodes whose value is recorded whole: anything that is not an object with declared fields. */
const isLeaf = (n: SchemaNode) => !n.properties;

function visitValues(schema: SchemaNode, value: Json, record: (node: SchemaNode, value: Json) => void): void {
  if (value === undefined) return;
  if (isLeaf(schema)) { record(schema, value); return; }
  if (!isPlainObject(value)) return;
  const props = schema.properties as Record<string, SchemaNode>;
  for (const [k, v] of Object.entries(value)) {
    let child = props[k];
    if (child?.['x-istio-alias-of']) child = props[child['x-istio-alias-of'] as string];
    if (child) visitValues(child, v, record);
  }
}

/** x-istio-defaults: {default: v, other: v2}; a profile that is missing has the `default` profile's value. */
export function annotateProfileDefaults(doc: SchemaNode, dumps: Map<string, Json>): void {
  const found = new Map<SchemaNode, Map<string, Json>>();
  for (const [profile, dump] of dumps) {
    visitValues(doc, dump, (node, value) => {
      if (!found.has(node)) found.set(node, new Map());
      found.get(node)!.set(profile, value);
    });
  }
  for (const [node, byProfile] of found) {
    const base = JSON.stringify(byProfile.get('default'));
    const out: Record<string, Json> = {};
    if (byProfile.has('default')) out.default = byProfile.get('default');
    for (const profile of dumps.keys()) {
      if (profile === 'default') continue;
      const v = byProfile.has(profile) ? byProfile.get(profile) : null;
      if (JSON.stringify(v ?? null) !== (base ?? 'null')) out[profile] = v ?? null;
    }
    if (Object.keys(out).length) node['x-istio-defaults'] = out;
  }
}

export function annotateChartDefaults(valuesSchema: SchemaNode, charts: Json): void {
  visitValues(valuesSchema, charts, (node, value) => { node['x-istio-chart-default'] = value; });
}
