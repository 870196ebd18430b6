// Compares our effective configuration with one of Istio's `profile dump` goldens
// (operator/cmd/mesh/testdata/profile-dump/{input,output}): used by the tests on ../shared/istio
// and by `npm run check-release` on a new release's tag.
import YAML from 'yaml';
import type { Engine } from '../../server/src/engine/engine.ts';
import { subtree } from '../../server/src/engine/effective/effective.ts';
import { isObject, type Json } from '../../server/src/engine/effective/merge.ts';

/** What Istio's profile-dump test (operator/cmd/mesh/profile-dump_test.go@1.20.8:30-45) passes as --config-path. */
export const GOLDEN_PATHS: Record<string, string | undefined> = { all_off: undefined, config_path: 'components', list_path: 'values.gateways.istio-egressgateway.secretVolumes' };

export interface GoldenResult {
  /** Leaf paths where ours and istioctl's output differ. */
  differences: string[];
  /** Those of them on a value the input sets: must be none. */
  wrongOnInput: string[];
}

/** JSON with map keys sorted: YAML key order carries no meaning. */
export function canonical(v: Json | undefined): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObject(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'undefined';
}

/** Leaf paths where two trees differ. */
export function differences(a: Json | undefined, b: Json | undefined, at = ''): string[] {
  if (isObject(a) && isObject(b)) return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((k) => differences(a[k], b[k], at ? `${at}.${k}` : k));
  return canonical(a) === canonical(b) ? [] : [at || '(root)'];
}

/** Paths the input file sets (leaves and whole lists). */
function setPaths(v: Json, at = ''): string[] {
  if (isObject(v)) return Object.entries(v).flatMap(([k, x]) => setPaths(x, at ? `${at}.${k}` : k));
  return [at];
}

/** The istioctl test harness sets hub and tag itself; 1.5–1.23 print the spec proto, which leaves out empty values. */
function normalize(v: Json, minor: number): Json {
  if (isObject(v)) {
    const out: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v)) {
      const n = normalize(x, minor);
      if (minor <= 23 && (n === null || n === '' || (isObject(n) && !Object.keys(n).length))) continue;
      out[k] = n;
    }
    return out;
  }
  return Array.isArray(v) ? v.map((x) => normalize(x, minor)) : v;
}

export function compareProfileDump(engine: Engine, version: string, inputText: string, outputText: string, configPath: string | undefined): GoldenResult {
  const minor = Number(version.split('.')[1]);
  const file = engine.parse(inputText);
  const doc = file.documents.find((d) => d.isIstioOperator);
  if (!doc) throw new Error('the golden input holds no IstioOperator');
  // profile dump prints the profiles' values, not the charts' (the 1.21–1.23 goldens are 29 lines).
  const r = engine.effective(file, doc, { release: version }, { chartDefaults: false });
  if (!r.ok) throw new Error(r.message);
  const part = configPath ? subtree(r.config.tree, configPath) : { ok: true as const, value: r.config.tree.spec as Json, path: [] };
  if (!part.ok) throw new Error(`--config-path ${configPath}: not found`);
  const golden = YAML.parse(outputText, { version: '1.1' }) as Json;
  const goldenPart = configPath ? golden : (golden as Record<string, Json>).spec;
  const strip = (v: Json) => { if (isObject(v)) { const { hub: _h, tag: _t, ...rest } = v; return rest; } return v; };
  const diffs = differences(normalize(configPath ? part.value : strip(part.value), minor), normalize(configPath ? goldenPart : strip(goldenPart), minor));
  const userSpec = (YAML.parse(inputText, { version: '1.1' }) as Record<string, Json>).spec ?? {};
  const prefix = configPath ? `${configPath}.` : '';
  const set = setPaths(userSpec).filter((p) => p !== 'hub' && p !== 'tag');
  return { differences: diffs, wrongOnInput: diffs.filter((d) => set.some((s) => `${prefix}${d}`.startsWith(s) || s.startsWith(`${prefix}${d}`))) };
}
