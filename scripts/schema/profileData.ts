// schemas/profiles-1.<minor>.json: each built-in profile as its file sets it (default.yaml whole,
// the others as the overlay istioctl merges over it), for the engine's effective configuration
// (server/src/engine/effective/), which merges them with the same rules as the schemas' defaults.
// From 1.21 the profiles are thin and the defaults live in the charts: each chart's defaults are
// recorded too, cut to the `values` fields an IstioOperator can set at that release.
import path from 'node:path';
import { chartValues, declaredValues, readYaml } from './defaults.ts';
import type { SchemaNode } from './schemaNode.ts';
import { minorNumber, type MinorInfo } from './sources.ts';

export interface ProfileData { version: string; tag: string; profiles: Record<string, unknown>; charts?: Array<{ name: string; values: unknown }> }

/**
 * The first minor whose profiles leave the defaults to the charts' values.yaml: 1.21, not 1.22 as
 * the data's README says (manifests/profiles/default.yaml is 178 lines at 1.20.8, 32 at 1.21.6).
 */
const THIN_PROFILES_FROM = 21;

export function profileData(dir: string, minor: MinorInfo, valuesSchema: SchemaNode | undefined, pilotKeys: Set<string>): ProfileData {
  const profiles: Record<string, unknown> = {};
  for (const p of minor.profiles) profiles[p] = readYaml(path.join(dir, minor.version, 'profiles', `${p}.yaml`));
  const data: ProfileData = { version: minor.version, tag: minor.istioTag, profiles };
  if (valuesSchema && minorNumber(minor.version) >= THIN_PROFILES_FROM) {
    data.charts = chartValues(dir, minor, pilotKeys)
      .map(({ name, values }) => ({ name, values: declaredValues(valuesSchema, values) ?? {} }))
      .filter((c) => Object.keys(c.values).length);
  }
  return data;
}
