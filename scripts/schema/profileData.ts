// schemas/profiles-1.<minor>.json: each built-in profile as its file sets it (default.yaml whole,
// the others as the overlay istioctl merges over it), for the engine's effective configuration
// (server/src/engine/effective/), which merges them with the same rules as the schemas' defaults.
import path from 'node:path';
import { readYaml } from './defaults.ts';
import type { MinorInfo } from './sources.ts';

export interface ProfileData { version: string; tag: string; profiles: Record<string, unknown> }

export function profileData(dir: string, minor: MinorInfo): ProfileData {
  const profiles: Record<string, unknown> = {};
  for (const p of minor.profiles) profiles[p] = readYaml(path.join(dir, minor.version, 'profiles', `${p}.yaml`));
  return { version: minor.version, tag: minor.istioTag, profiles };
}
