// Effective values that change between two releases although the file does not: the profile's (and
// from 1.22 the charts') defaults, for the parts of the install the file's components use.
import { formatPath, originAt, type EffectiveConfiguration, type Origin } from '../effective/effective.ts';
import { isObject, type Json } from '../effective/merge.ts';

export interface DefaultChange {
  /** Below `spec`: `values.global.proxy.holdApplicationUntilProxyStarts`. */
  path: string;
  before: Json;
  after: Json;
  /** The first release (after 1.X) with a value other than 1.X's. */
  release: string;
  /** Where the value at 1.Y comes from (`profile default`, `chart istio-discovery`). */
  origin: Origin;
}

/** `values` keys that configure one component: read only when that component is installed. */
const VALUES_OF_COMPONENT: Record<string, string> = { pilot: 'pilot', cni: 'cni', ztunnel: 'ztunnel', istiodRemote: 'istiodRemote' };

/** Set by istioctl from the release itself, not a default that "changes". */
const RELEASE_PATHS = new Set(['hub', 'tag']);

type Leaves = Map<string, { value: Json; origin?: Origin }>;

/**
 * `configs`: the effective configuration at every release from 1.X (first) to 1.Y (last). Leaves
 * present at both ends with different values, that the file does not set, under an installed part.
 */
export function defaultChanges(configs: Array<{ release: string; config: EffectiveConfiguration }>): DefaultChange[] {
  const first = configs[0].config;
  const last = configs[configs.length - 1].config;
  const before = leaves(first);
  const after = leaves(last);
  const used = (path: string) => inUse(path, first) || inUse(path, last);
  const out: DefaultChange[] = [];
  const later = configs.slice(1).map(({ release, config }) => ({ release, leaves: leaves(config) }));
  for (const [path, a] of after) {
    const b = before.get(path);
    if (!b || a.origin === 'this file' || b.origin === 'this file' || RELEASE_PATHS.has(path)) continue;
    if (JSON.stringify(a.value) === JSON.stringify(b.value) || !used(path)) continue;
    const changedAt = later.find((r) => { const x = r.leaves.get(path); return x !== undefined && JSON.stringify(x.value) !== JSON.stringify(b.value); });
    out.push({ path, before: b.value, after: a.value, release: changedAt?.release ?? configs[configs.length - 1].release, origin: a.origin ?? `profile ${last.profile}` });
  }
  return out.sort((x, y) => x.release.localeCompare(y.release, undefined, { numeric: true }) || x.path.localeCompare(y.path));
}

/** Every leaf under spec (lists whole), keyed by its path below spec. */
function leaves(config: EffectiveConfiguration): Leaves {
  const out: Leaves = new Map();
  const walk = (v: Json, path: Array<string | number>) => {
    if (isObject(v) && Object.keys(v).length) {
      for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
      return;
    }
    const key = formatPath(path);
    out.set(key, { value: v, origin: originAt(config.origins, `spec.${key}`) });
  };
  const spec = config.tree.spec;
  if (isObject(spec)) for (const [k, x] of Object.entries(spec)) walk(x, [k]);
  return out;
}

/** Whether a path belongs to a part of the install that is rendered in this configuration. */
function inUse(path: string, config: EffectiveConfiguration): boolean {
  const spec = isObject(config.tree.spec) ? config.tree.spec : {};
  const components = isObject(spec.components) ? spec.components : {};
  const enabled = (c: Json) => isObject(c) && c.enabled === true;
  const parts = path.split('.');
  if (parts[0] === 'components' && parts[1]) {
    const name = parts[1].replace(/\[\d+\].*$/, '');
    const c = components[name];
    if (Array.isArray(c)) {
      const idx = /\[(\d+)\]/.exec(parts[1]);
      return idx ? enabled(c[Number(idx[1])]) : c.some(enabled);
    }
    return enabled(c);
  }
  if (parts[0] === 'values' && parts[1]) {
    const component = VALUES_OF_COMPONENT[parts[1]];
    if (component) return enabled(components[component]);
    if (parts[1] === 'gateways' && parts[2]) {
      const gateways = [components.ingressGateways, components.egressGateways].flatMap((g) => (Array.isArray(g) ? g : []));
      return gateways.some((g) => isObject(g) && g.name === parts[2] && g.enabled === true);
    }
    // An addon or feature switched off (`values.kiali.enabled: false`) renders nothing.
    const values = isObject(spec.values) ? spec.values : {};
    const section = values[parts[1]];
    return !(isObject(section) && section.enabled === false);
  }
  return true;
}
