// Merges a profile over default.yaml the way `istioctl profile dump` does in each era: the engine's
// own merge (server/src/engine/effective/merge.ts), so the schemas' defaults and the effective
// configuration agree.
import { mergeTrees, type Json } from '../../server/src/engine/effective/merge.ts';
import { minorNumber } from './sources.ts';

export function mergeProfile(minor: string, base: Json, overlay: Json): Json {
  return mergeTrees(minorNumber(minor), base, overlay);
}
