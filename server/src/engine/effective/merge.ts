// How istioctl merges one IstioOperator tree over another (a profile over default.yaml, the user's
// file over the profile), per era (../shared/istio/README.md, ISTIOCTL-RULES.md "Merge order"):
// - 1.5–1.6: a JSON merge patch (RFC 7386): maps merge, lists are replaced, null deletes.
// - 1.7–1.23: OverlayIOP's strategic merge: the same, but the lists below merge their entries by a key.
// - 1.24+: values.Map.MergeFrom: maps merge, anything else (lists, null) overwrites
//   (operator/pkg/values/map.go@1.24.6:132-152).
import { LATEST } from '../releases.ts';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

interface MergeEra { minors: [number, number]; listsByKey: boolean; nullDeletes: boolean }

export const MERGE_ERAS: readonly MergeEra[] = [
  { minors: [5, 6], listsByKey: false, nullDeletes: true },
  { minors: [7, 23], listsByKey: true, nullDeletes: true },
  { minors: [24, LATEST], listsByKey: false, nullDeletes: false },
];

/** Lists merged entry by entry on a key in the strategic-merge era; `*` matches any map key. */
export const MERGE_KEYS: ReadonlyArray<[readonly string[], string]> = [
  [['spec', 'components', 'ingressGateways'], 'name'],
  [['spec', 'components', 'egressGateways'], 'name'],
  [['spec', 'values', 'gateways', '*', 'ports'], 'name'],
  [['spec', 'values', 'gateways', '*', 'secretVolumes'], 'name'],
  [['spec', 'values', 'gateways', '*', 'meshExpansionPorts'], 'name'],
  [['spec', 'meshConfig', 'configSources'], 'address'],
  [['spec', 'meshConfig', 'certificates'], 'secretName'],
];

export function mergeEra(minor: number): MergeEra {
  const era = MERGE_ERAS.find((e) => minor >= e.minors[0] && minor <= e.minors[1]);
  if (!era) throw new Error(`no merge rules for Istio 1.${minor}: add a row to MERGE_ERAS (effective/merge.ts)`);
  return era;
}

export function mergeKeyFor(path: readonly string[]): string | undefined {
  for (const [p, key] of MERGE_KEYS) {
    if (p.length === path.length && p.every((s, i) => s === '*' || s === path[i])) return key;
  }
  return undefined;
}

/** `overlay` merged over `base` (neither is changed), as Istio 1.`minor` does it. */
export function mergeTrees(minor: number, base: Json, overlay: Json): Json {
  return merge(base, overlay, [], mergeEra(minor));
}

function merge(base: Json, overlay: Json, path: string[], era: MergeEra): Json {
  if (isObject(base) && isObject(overlay)) {
    const out: JsonObject = { ...base };
    for (const [k, v] of Object.entries(overlay)) {
      if (v === null && era.nullDeletes) delete out[k];
      else out[k] = k in base ? merge(base[k], v, [...path, k], era) : v;
    }
    return out;
  }
  const key = era.listsByKey ? mergeKeyFor(path) : undefined;
  if (key && Array.isArray(base) && Array.isArray(overlay)) {
    const out = [...base];
    for (const item of overlay) {
      const idx = isObject(item) ? out.findIndex((b) => isObject(b) && b[key] === item[key]) : -1;
      if (idx >= 0) out[idx] = merge(out[idx], item, [...path, '[]'], era);
      else out.push(item);
    }
    return out;
  }
  return overlay;
}
