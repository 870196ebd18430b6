// What each component of the effective configuration installs, at a glance: enabled or not (and
// who decided), replicas or HPA bounds, resources, scheduling, and for gateways the Service type
// and ports. Each fact names the setting it comes from, so the editor can reveal it in the file.
import type { EffectiveConfiguration, Origin } from '../effective/effective.ts';
import { formatPath, originAt } from '../effective/effective.ts';
import { isObject, type Json, type JsonObject } from '../effective/merge.ts';

/** A document path below the root: `['spec', 'components', 'pilot', 'k8s', 'hpaSpec']`. */
export type SettingPath = Array<string | number>;

export interface ComponentFact {
  label: string;
  value: string;
  /** The setting in the file's terms (a gateway's index is its index in the file, when it is there). */
  path: SettingPath;
  origin?: Origin;
  /** The value itself, to write into the file when it is not there. */
  raw: Json;
}

export interface ComponentEntry {
  /** `pilot`, `ingressGateways/istio-ingressgateway`. */
  id: string;
  label: string;
  kind: 'component' | 'gateway';
  enabled: boolean;
  /** Who decided `enabled`: this file, a profile. */
  origin?: Origin;
  path: SettingPath;
  facts: ComponentFact[];
}

const GATEWAY_LISTS = ['ingressGateways', 'egressGateways'] as const;

/** Where the chart settings of a component live under `values` (the k8s settings win when both are set). */
const VALUES_KEY: Record<string, string> = { pilot: 'pilot', cni: 'cni', ztunnel: 'ztunnel', istiodRemote: 'istiodRemote' };

/**
 * `fileGateways`: the gateway names of the file's own lists, in order, so a gateway's facts point at
 * the file's entry (1.7–1.23 merge the lists by name: the effective index is not the file's).
 */
export function componentsSummary(config: EffectiveConfiguration, fileGateways: Record<string, string[]> = {}): ComponentEntry[] {
  const spec = isObject(config.tree.spec) ? config.tree.spec : {};
  const components = isObject(spec.components) ? spec.components : {};
  const values = isObject(spec.values) ? spec.values : {};
  const origin = (path: SettingPath) => originAt(config.origins, formatPath(path));
  const out: ComponentEntry[] = [];
  for (const [name, c] of Object.entries(components)) {
    if (GATEWAY_LISTS.includes(name as never) || !isObject(c)) continue;
    const path: SettingPath = ['spec', 'components', name];
    const chart = VALUES_KEY[name] ? asMap(values[VALUES_KEY[name]]) : {};
    out.push({
      id: name, label: name, kind: 'component', enabled: c.enabled === true, origin: origin([...path, 'enabled']), path,
      facts: facts(c, path, chart, ['spec', 'values', VALUES_KEY[name] ?? name], origin),
    });
  }
  for (const list of GATEWAY_LISTS) {
    const gateways = Array.isArray(components[list]) ? components[list] : [];
    gateways.forEach((g, i) => {
      if (!isObject(g)) return;
      const name = typeof g.name === 'string' ? g.name : `${list}[${i}]`;
      const fileIndex = fileGateways[list]?.indexOf(name) ?? -1;
      const effectivePath: SettingPath = ['spec', 'components', list, i];
      const path: SettingPath = ['spec', 'components', list, fileIndex >= 0 ? fileIndex : i];
      const chart = asMap(asMap(values.gateways)[name]);
      const chartPath: SettingPath = ['spec', 'values', 'gateways', name];
      const at = (p: SettingPath) => origin([...effectivePath, ...p.slice(path.length)]);
      const f = facts(g, path, chart, chartPath, (p) => (p[1] === 'components' ? at(p) : origin(p)));
      f.push(...serviceFacts(g, path, chart, chartPath, (p) => (p[1] === 'components' ? at(p) : origin(p))));
      out.push({ id: `${list}/${name}`, label: name, kind: 'gateway', enabled: g.enabled === true, origin: at([...path, 'enabled']), path, facts: f });
    });
  }
  return out;
}

type OriginAt = (path: SettingPath) => Origin | undefined;

function facts(c: JsonObject, path: SettingPath, chart: JsonObject, chartPath: SettingPath, origin: OriginAt): ComponentFact[] {
  const k8s = asMap(c.k8s);
  const k8sPath = [...path, 'k8s'];
  const out: ComponentFact[] = [];
  const add = (label: string, value: string, p: SettingPath, raw: Json) => { out.push({ label, value, path: p, origin: origin(p), raw }); };
  const hpa = asMap(k8s.hpaSpec);
  if (Object.keys(hpa).length) add('HPA', `${hpa.minReplicas ?? 1}–${hpa.maxReplicas ?? 'unset'} replicas`, [...k8sPath, 'hpaSpec'], hpa);
  else if (chart.autoscaleEnabled === true && (chart.autoscaleMin !== undefined || chart.autoscaleMax !== undefined)) add('HPA', `${chart.autoscaleMin ?? 1}–${chart.autoscaleMax ?? 'unset'} replicas`, [...chartPath, 'autoscaleMax'], chart.autoscaleMax ?? null);
  if (k8s.replicaCount !== undefined) add('replicas', String(k8s.replicaCount), [...k8sPath, 'replicaCount'], k8s.replicaCount);
  else if (chart.replicaCount !== undefined && chart.autoscaleEnabled !== true) add('replicas', String(chart.replicaCount), [...chartPath, 'replicaCount'], chart.replicaCount);
  // The k8s setting when the file or profile has one, else the chart's value of the same name.
  const either = (key: string, has: (v: Json | undefined) => boolean) => (has(k8s[key]) ? { v: k8s[key], p: [...k8sPath, key] } : has(chart[key]) ? { v: chart[key], p: [...chartPath, key] } : undefined);
  const nonEmptyMap = (v: Json | undefined) => Object.keys(asMap(v)).length > 0;
  const nonEmptyList = (v: Json | undefined) => Array.isArray(v) && v.length > 0;
  const resources = either('resources', nonEmptyMap);
  if (resources) add('resources', describeResources(asMap(resources.v)), resources.p, resources.v);
  const nodeSelector = either('nodeSelector', nonEmptyMap);
  if (nodeSelector) add('nodeSelector', Object.entries(asMap(nodeSelector.v)).map(([k, v]) => `${k}=${String(v)}`).join(', '), nodeSelector.p, nodeSelector.v);
  const tolerations = either('tolerations', nonEmptyList);
  if (tolerations) add('tolerations', (tolerations.v as Json[]).map((t) => (isObject(t) ? `${String(t.key ?? '*')}${t.effect ? `:${String(t.effect)}` : ''}` : '?')).join(', '), tolerations.p, tolerations.v);
  return out;
}

function serviceFacts(g: JsonObject, path: SettingPath, chart: JsonObject, chartPath: SettingPath, origin: OriginAt): ComponentFact[] {
  const service = asMap(asMap(g.k8s).service);
  const servicePath = [...path, 'k8s', 'service'];
  const out: ComponentFact[] = [];
  const type = service.type ?? chart.type;
  const typePath = service.type !== undefined ? [...servicePath, 'type'] : [...chartPath, 'type'];
  if (type !== undefined) out.push({ label: 'service', value: String(type), path: typePath, origin: origin(typePath), raw: type });
  const ports = Array.isArray(service.ports) ? service.ports : Array.isArray(chart.ports) ? chart.ports : undefined;
  const portsPath = Array.isArray(service.ports) ? [...servicePath, 'ports'] : [...chartPath, 'ports'];
  if (ports?.length) out.push({ label: 'ports', value: ports.map((p) => (isObject(p) ? `${String(p.port ?? '?')}${p.name ? `/${String(p.name)}` : ''}` : '?')).join(', '), path: portsPath, origin: origin(portsPath), raw: ports });
  return out;
}

function describeResources(r: JsonObject): string {
  const part = (name: string) => {
    const m = asMap(r[name]);
    const bits = ['cpu', 'memory'].filter((k) => m[k] !== undefined).map((k) => `${k} ${String(m[k])}`);
    return bits.length ? `${name} ${bits.join(', ')}` : undefined;
  };
  return [part('requests'), part('limits')].filter(Boolean).join('; ') || 'set';
}

const asMap = (v: Json | undefined): JsonObject => (isObject(v) ? v : {});
