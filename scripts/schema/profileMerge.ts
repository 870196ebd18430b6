// Merges a profile over default.yaml the way `istioctl profile dump` does in each era.
import { minorNumber } from './sources.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** List paths merged by a key (strategic merge, 1.7–1.23); `*` matches any map key. */
const MERGE_KEYS: Array<[string[], string]> = [
  [['spec', 'components', 'ingressGateways'], 'name'],
  [['spec', 'components', 'egressGateways'], 'name'],
  [['spec', 'values', 'gateways', '*', 'ports'], 'name'],
  [['spec', 'values', 'gateways', '*', 'secretVolumes'], 'name'],
  [['spec', 'values', 'gateways', '*', 'meshExpansionPorts'], 'name'],
  [['spec', 'meshConfig', 'configSources'], 'address'],
  [['spec', 'meshConfig', 'certificates'], 'secretName'],
];

function mergeKeyFor(path: string[]): string | undefined {
  for (const [p, key] of MERGE_KEYS) {
    if (p.length === path.length && p.every((s, i) => s === '*' || s === path[i])) return key;
  }
  return undefined;
}

export function mergeProfile(minor: string, base: Json, overlay: Json): Json {
  const strategic = minorNumber(minor) >= 7 && minorNumber(minor) <= 23;
  return merge(base, overlay, [], strategic);
}

function merge(base: Json, overlay: Json, path: string[], strategic: boolean): Json {
  if (isObj(base) && isObj(overlay)) {
    const out: Obj = { ...base };
    for (const [k, v] of Object.entries(overlay)) {
      if (v === null) delete out[k];
      else out[k] = k in base ? merge(base[k], v, [...path, k], strategic) : v;
    }
    return out;
  }
  const key = strategic ? mergeKeyFor(path) : undefined;
  if (key && Array.isArray(base) && Array.isArray(overlay)) {
    const out = [...base];
    for (const item of overlay) {
      const idx = isObj(item) ? out.findIndex((b) => isObj(b) && b[key] === item[key]) : -1;
      if (idx >= 0) out[idx] = merge(out[idx], item, [...path, '[]'], strategic);
      else out.push(item);
    }
    return out;
  }
  return overlay;
}
