// What istioctl computes from a file before rendering: the built-in profile (default.yaml with the
// named profile merged over it) with the document merged over that, by the release's merge rules,
// and where each value comes from. This is `istioctl profile dump -f FILE` (1.5–1.23) and the
// first step of `MergeInputs` (render/manifest.go@1.24.6:248-333) from 1.24.
import YAML, { isMap, isScalar, isSeq, type Node } from 'yaml';
import { isObject, mergeEra, mergeKeyFor, mergeTrees, type Json, type JsonObject } from './merge.ts';

/** A chart's default `values` (1.21+), as far as an IstioOperator can set them. */
export interface ChartDefaults { name: string; values: JsonObject }

export interface ProfileData { version: string; tag: string; profiles: Record<string, Json>; charts?: ChartDefaults[] }

export type Origin = 'this file' | `profile ${string}` | `istioctl ${string}` | `chart ${string}`;

export interface EffectiveOptions {
  /** Fill `spec.values` with the charts' defaults (1.21+) where neither the profile nor the file sets them; on unless false. */
  chartDefaults?: boolean;
}

/** The hub a released istioctl is built with (its DockerInfo.Hub); its tag is the release's. */
export const RELEASE_HUB = 'docker.io/istio';

export interface EffectiveConfiguration {
  version: string;
  profile: string;
  /** The whole merged IstioOperator: apiVersion, kind, metadata, spec. */
  tree: JsonObject;
  /** Where each leaf value comes from, by its path below the document root (`spec.hub`, `spec.components.ingressGateways[0].name`). */
  origins: Map<string, Origin>;
}

export type EffectiveResult = { ok: true; config: EffectiveConfiguration } | { ok: false; message: string };

/** The profile as `istioctl profile dump PROFILE` prints it: default.yaml with PROFILE merged over it. */
export function profileTree(data: ProfileData, profile: string): Json | undefined {
  const minor = Number(data.version.split('.')[1]);
  const base = data.profiles.default;
  if (!(profile in data.profiles) || base === undefined) return undefined;
  return profile === 'default' ? base : mergeTrees(minor, base, data.profiles[profile]);
}

/** An IstioOperator that sets nothing but its profile (nothing at all for `default`). */
export function profileOnlyDocument(profile: string): JsonObject {
  return { apiVersion: 'install.istio.io/v1alpha1', kind: 'IstioOperator', spec: profile === 'default' ? {} : { profile } };
}

export function effectiveConfiguration(user: Json, data: ProfileData, opts: EffectiveOptions = {}): EffectiveResult {
  if (!isObject(user)) return { ok: false, message: 'The document is not a map: there is no IstioOperator to merge.' };
  const minor = Number(data.version.split('.')[1]);
  const spec = isObject(user.spec) ? user.spec : {};
  const named = spec.profile;
  const profile = typeof named === 'string' && named !== '' ? named : 'default';
  const base = profileTree(data, profile);
  if (base === undefined) {
    const names = Object.keys(data.profiles).map((p) => `\`${p}\``).join(', ');
    return { ok: false, message: `\`${profile}\` is not a built-in profile of Istio ${data.version} (${names}): the effective configuration needs the profile's contents.` };
  }
  // istioctl puts the hub and tag it was built with over the profile, before the user's files
  // (overlayHubAndTag, manifest/shared.go@1.20.8:369-384; hubTagOverlay, render/manifest.go@1.24.6:238-245).
  const built = { hub: RELEASE_HUB, tag: data.tag };
  const merged = mergeTrees(minor, mergeTrees(minor, base, { spec: built }), user);
  // Up to 1.23 istioctl prints the decoded spec, where null is unset (and a null in a later merge deletes).
  // A copy: the merge shares subtrees with the profile data, which the chart defaults must not change.
  const tree = mergeEra(minor).nullDeletes ? dropNulls(merged) : structuredClone(merged);
  if (!isObject(tree)) return { ok: false, message: 'The merged configuration is not a map.' };
  const origins = new Map<string, Origin>();
  const defaults = profile === 'default' ? undefined : profileTree(data, 'default');
  recordOrigins(tree, user, defaults, [], origins, profile, mergeEra(minor).listsByKey);
  for (const k of ['hub', 'tag'] as const) if (origins.get(`spec.${k}`) !== 'this file') origins.set(`spec.${k}`, `istioctl ${data.tag}`);
  if (opts.chartDefaults !== false && data.charts?.length) addChartDefaults(tree, data.charts, origins);
  return { ok: true, config: { version: data.version, profile, tree, origins } };
}

/** Each leaf: from the file when the file sets it, else from the default profile when the value is default's, else from the named profile. */
function recordOrigins(merged: Json, user: Json | undefined, defaults: Json | undefined, path: Array<string | number>, out: Map<string, Origin>, profile: string, byKey: boolean): void {
  if (isObject(merged)) {
    for (const [k, v] of Object.entries(merged)) {
      recordOrigins(v, isObject(user) ? user[k] : undefined, isObject(defaults) ? defaults[k] : undefined, [...path, k], out, profile, byKey);
    }
    return;
  }
  const key = byKey && Array.isArray(merged) ? mergeKeyFor(path.map(String)) : undefined;
  if (key && Array.isArray(merged)) {
    merged.forEach((item, i) => {
      const match = (list: Json | undefined) => (Array.isArray(list) && isObject(item) ? list.find((x) => isObject(x) && x[key] === item[key]) : undefined);
      recordOrigins(item, match(user), match(defaults), [...path, i], out, profile, byKey);
    });
    return;
  }
  const origin: Origin = user !== undefined ? 'this file' : defaults !== undefined && JSON.stringify(defaults) === JSON.stringify(merged) ? 'profile default' : `profile ${profile}`;
  out.set(formatPath(path), origin);
}

/**
 * From 1.21 the charts' values.yaml hold the defaults the thin profiles leave out; Helm reads them
 * under whatever the IstioOperator's `values` set. The first chart (istiod's) wins where two agree on a path.
 */
function addChartDefaults(tree: JsonObject, charts: ChartDefaults[], origins: Map<string, Origin>): void {
  if (!isObject(tree.spec)) tree.spec = {};
  const spec = tree.spec as JsonObject;
  if (!isObject(spec.values)) spec.values = {};
  for (const chart of charts) fillMissing(spec.values as JsonObject, chart.values, ['spec', 'values'], `chart ${chart.name}`, origins);
}

/**
 * `values` paths istioctl writes from the spec before Helm sees them, so the chart's default never
 * applies (translate.go@1.22.8:108-113 APIMapping; translateIstioOperatorToHelm, render/manifest.go@1.24.6:347-380).
 */
const SET_FROM_SPEC = new Set(['spec.values.global.hub', 'spec.values.global.tag', 'spec.values.revision', 'spec.values.meshConfig', 'spec.values.compatibilityVersion']);

function fillMissing(target: JsonObject, defaults: JsonObject, path: Array<string | number>, origin: Origin, origins: Map<string, Origin>): void {
  for (const [k, v] of Object.entries(defaults)) {
    const here = [...path, k];
    if (SET_FROM_SPEC.has(formatPath(here))) continue;
    if (!(k in target)) {
      target[k] = structuredClone(v);
      markLeaves(v, here, origin, origins);
    } else if (isObject(target[k]) && isObject(v)) {
      fillMissing(target[k] as JsonObject, v, here, origin, origins);
    }
  }
}

function markLeaves(v: Json, path: Array<string | number>, origin: Origin, origins: Map<string, Origin>): void {
  if (isObject(v) && Object.keys(v).length) for (const [k, x] of Object.entries(v)) markLeaves(x, [...path, k], origin, origins);
  else origins.set(formatPath(path), origin);
}

function dropNulls(v: Json): Json {
  if (Array.isArray(v)) return v.map(dropNulls);
  if (!isObject(v)) return v;
  const out: JsonObject = {};
  for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = dropNulls(x);
  return out;
}

export function formatPath(path: ReadonlyArray<string | number>): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${p}` : p;
  return s;
}

/**
 * A leaf's origin; a map's or list's: the first origin recorded under it; inside a list recorded
 * whole (lists a merge replaces): the list's.
 */
export function originAt(origins: Map<string, Origin>, path: string): Origin | undefined {
  const own = origins.get(path);
  if (own) return own;
  for (const [k, o] of origins) if (k.startsWith(`${path}.`) || k.startsWith(`${path}[`)) return o;
  for (let up = parentPath(path); up; up = parentPath(up)) { const o = origins.get(up); if (o) return o; }
  return undefined;
}

/** `a.b[0].c` → `a.b[0]` → `a.b` → `a` → ''. */
function parentPath(path: string): string {
  const up = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
  return up === path ? '' : up;
}

/** `components`, `values.gateways.istio-egressgateway.secretVolumes`, `components.ingressGateways[0]`: below `spec`. */
export function subtree(tree: JsonObject, configPath: string): { ok: true; value: Json; path: Array<string | number> } | { ok: false; message: string } {
  const steps: Array<string | number> = ['spec'];
  for (const part of configPath.split('.').filter(Boolean)) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return { ok: false, message: `\`${configPath}\` is not a path like \`components.ingressGateways[0].k8s\`.` };
    if (m[1]) steps.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) steps.push(Number(idx[1]));
  }
  if (steps[1] === 'spec') steps.splice(1, 1);
  let node: Json | undefined = tree;
  for (const s of steps) {
    node = typeof s === 'number' ? (Array.isArray(node) ? node[s] : undefined) : isObject(node) ? node[s] : undefined;
    if (node === undefined) return { ok: false, message: `\`${configPath}\` is not set in the effective configuration.` };
  }
  return { ok: true, value: node, path: steps };
}

/** YAML text of a value, with each leaf's origin as an end-of-line comment when asked. */
export function effectiveYaml(value: Json, opts: { origins?: Map<string, Origin>; at?: Array<string | number> } = {}): string {
  const doc = new YAML.Document(value);
  if (opts.origins) {
    const own = opts.origins.get(formatPath(opts.at ?? []));
    if (own && doc.contents && !isMap(doc.contents)) setComment(doc.contents as Node, own);
    else annotate(doc.contents, opts.at ?? [], opts.origins);
  }
  return doc.toString({ lineWidth: 0 });
}

function annotate(node: unknown, path: Array<string | number>, origins: Map<string, Origin>): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) continue;
      const here = [...path, key];
      const origin = origins.get(formatPath(here));
      if (origin && pair.value && !isMap(pair.value)) setComment(pair.value as Node, origin);
      else annotate(pair.value, here, origins);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => annotate(item, [...path, i], origins));
  }
}

function setComment(node: Node, origin: Origin): void {
  // A block list's comment would sit below it; on the first item it reads as the list's.
  if (isSeq(node) && !node.flow && node.items.length) (node.items[0] as Node).commentBefore = ` ${origin}`;
  else node.comment = ` ${origin}`;
}
