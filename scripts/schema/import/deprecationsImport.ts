// Which deprecated or moved `values` paths each Istio release flags, and whether istioctl warns or
// fails, read from Istio's own source at the release's tag; written as schemas/deprecations.json.
//   node --import tsx scripts/schema/import/deprecationsImport.ts --istio-repo DIR [--out DIR]
// (DIR: a clone or bare mirror of istio/istio; the minors and tags come from versions.json.)
//
// Where Istio keeps the table, by era:
// - 1.5: nowhere. validation.go@1.5.10 (ValidateConfig, :30-47) checks types and features only.
// - 1.6: `deprecations` in deprecatedSettingsMessage, validation.go@1.6.14:62-98: helm paths under
//   values, looked up in the typed Values (firstCharsToUpper, :52-60); warnings only.
// - 1.7: `deprecations` (warnings) and `mixerDeprecations` (warnings with the Mixer message
//   `mixerDeprecatedMessage`, :144-145) in deprecatedSettingsMessage, validation.go@1.7.8:77-151.
// - 1.8–1.23: `warningSettings` and `failHardSettings` in checkDeprecatedSettings,
//   validation.go@1.23.6:87-172 (1.20.8:87-168, 1.8.6:81-161).
//   From 1.7 a path is a Go struct path into IstioOperatorSpec ("Values.global.x",
//   "AddonComponents.grafana.Enabled"), shown as firstCharsToLower of it (validation.go@1.23.6:68-85,
//   1.7.8:58-75). tpath.GetFromStructPath matches a struct field only by its exact Go name
//   (operator/pkg/tpath/struct.go@1.23.6:84-95), and IstioOperatorSpec's fields are all capitalised
//   (istio/api operator/v1alpha1/operator.pb.go), so a row whose first step is lower case
//   ("telemetry.v2.prometheus.configOverride", "meshConfig.defaultConfig.tracing.stackdriver.debug" in
//   failHardSettings, validation.go@1.21.6:134-137, 1.23.6:134-141) matches nothing: istioctl never
//   flags it, and it is left out here. Where a path is gone from that release's Values proto, istioctl
//   rejects it as an unknown field before this table is consulted; the ranges here are the table's.
// - 1.24–1.30: no Go table. The istio-discovery chart's templates/NOTES.txt@1.24.6:26-79 ranges over
//   `$deps` (a sprig `dict` of path → replacement: `WARNING: "x" is deprecated; use "y" instead.`) and
//   `$failDeps` (`fail "x is removed"`, no replacement shown); istioctl renders NOTES.txt and turns
//   its WARNING lines into warnings (operator/pkg/helm/helm.go@1.24.6:106-142). `dict` pairs its
//   arguments two by two, so where `$failDeps` lists a path without a replacement the next path is
//   taken as its value, not checked (NOTES.txt@1.24.6:60-63: telemetry.v2.stackdriver.configOverride
//   and .outboundAccessLogging are never checked).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dataDir, minorNumber, readMinors } from '../sources.ts';
import { GitRepo } from './gitRepo.ts';

export type Severity = 'warning' | 'error';
export interface Flagged { path: string; severity: Severity; replacement: string }

export const VALIDATION_GO = 'operator/pkg/apis/istio/v1alpha1/validation/validation.go';
export const DISCOVERY_NOTES = 'manifests/charts/istio-control/istio-discovery/templates/NOTES.txt';

/** The paths Istio at `tag` flags (paths under spec.values unless they start with `spec.`), in its order. */
export function deprecationsAt(istio: GitRepo, tag: string): Flagged[] {
  const m = /^1\.(\d+)\./.exec(tag);
  if (!m) throw new Error(`istio ${tag}: not a 1.x.y tag`);
  const minor = Number(m[1]);
  const out = minor >= 24 ? fromChart(istio, tag) : fromValidationGo(istio, tag, minor);
  const seen = new Map<string, Flagged>();
  for (const f of out) {
    const key = `${f.path} ${f.severity}`;
    const before = seen.get(key);
    if (before && before.replacement !== f.replacement) throw new Error(`istio ${tag}: ${f.path} is listed twice as ${f.severity}, with different replacements`);
    seen.set(key, f);
  }
  return [...seen.values()];
}

function fromValidationGo(istio: GitRepo, tag: string, minor: number): Flagged[] {
  const where = `${VALIDATION_GO} at ${tag}`;
  const src = istio.readIfExists(tag, VALIDATION_GO);
  if (src === undefined) throw new Error(`istio ${tag}: no ${VALIDATION_GO}, where istioctl keeps its table of deprecated settings`);
  const fail = (what: string) => new Error(`istio ${tag}: ${what} in ${VALIDATION_GO}; the deprecation import cannot read this release's table`);
  if (/func checkDeprecatedSettings\(/.test(src)) {
    return [
      ...goRows(src, 'warningSettings', where).map((r) => fromStructPath(r, 'warning')),
      ...goRows(src, 'failHardSettings', where).map((r) => fromStructPath(r, 'error')),
    ].filter((f): f is Flagged => !!f);
  }
  if (/func deprecatedSettingsMessage\(iop \*v1alpha1\.IstioOperatorSpec\)/.test(src)) {
    const mixer = /mixerDeprecatedMessage\s*=\s*((?:"(?:[^"\\]|\\.)*"\s*\+?\s*)+)/.exec(src);
    if (!mixer) throw fail('no mixerDeprecatedMessage');
    // "! %s is deprecated. Mixer is deprecated and will be removed …": what follows the path is its replacement.
    const text = goStrings(mixer[1]).join('');
    const lead = /^! %s is deprecated\. /.exec(text);
    if (!lead) throw fail(`mixerDeprecatedMessage does not start "! %s is deprecated. " (${JSON.stringify(text)})`);
    const mixerText = text.slice(lead[0].length);
    return [
      ...goRows(src, 'deprecations', where).map((r) => fromStructPath(r, 'warning')),
      ...goRows(src, 'mixerDeprecations', where).map((r) => fromStructPath({ ...r, new: mixerText }, 'warning')),
    ].filter((f): f is Flagged => !!f);
  }
  if (/func deprecatedSettingsMessage\(values \*valuesv1alpha1\.Values\)/.test(src)) {
    // Helm paths under values, printed as written.
    return goRows(src, 'deprecations', where).map((r) => ({ path: r.old, severity: 'warning', replacement: r.new }));
  }
  if (minor <= 5 && !/deprecat/i.test(src) && /func ValidateConfig\(/.test(src)) return [];
  throw fail('no checkDeprecatedSettings or deprecatedSettingsMessage');
}

/** "Values.global.x" → global.x; "AddonComponents.grafana.Enabled" → spec.addonComponents.grafana.enabled. */
function fromStructPath(row: { old: string; new: string }, severity: Severity): Flagged | undefined {
  if (!/^[A-Z]/.test(row.old)) return undefined; // matches no IstioOperatorSpec field (see the header)
  const shown = firstCharsToLower(row.old);
  const p = shown.startsWith('values.') ? shown.slice('values.'.length) : `spec.${shown}`;
  return { path: p, severity, replacement: row.new };
}

/** validation.go's firstCharsToLower: the first character of each dot-separated step lowered. */
export function firstCharsToLower(s: string): string {
  return s.split('.').map((step) => step.charAt(0).toLowerCase() + step.slice(1)).join('.');
}

/** The `{old, new, def}` rows of the slice literal `name := []T{ … }` (T a type name or an inline struct). */
function goRows(src: string, name: string, where: string): Array<{ old: string; new: string }> {
  const decl = new RegExp(`\\b${name}\\s*:=\\s*\\[\\]`).exec(src);
  if (!decl) throw new Error(`istio: no \`${name} := []…{\` in ${where}`);
  let at = decl.index + decl[0].length;
  const structType = /^struct\s*\{/.exec(src.slice(at));
  if (structType) at = skipBalanced(src, at + structType[0].length - 1);
  else at += /^[\w.]+/.exec(src.slice(at))?.[0].length ?? 0;
  while (/\s/.test(src[at])) at++;
  if (src[at] !== '{') throw new Error(`istio: \`${name}\` in ${where} is not a slice literal`);
  const end = skipBalanced(src, at);
  const rows: Array<{ old: string; new: string }> = [];
  for (const fields of goElements(src.slice(at + 1, end - 1))) {
    const strs = fields.map((f) => (/^"/.test(f) ? goStrings(f).join('') : undefined));
    if (fields.length !== 3 || strs[0] === undefined || strs[1] === undefined) {
      throw new Error(`istio: a row of \`${name}\` in ${where} is not {"old", "new", default}: {${fields.join(', ')}}`);
    }
    rows.push({ old: strs[0], new: strs[1] });
  }
  if (!rows.length) throw new Error(`istio: \`${name}\` in ${where} has no rows`);
  return rows;
}

/** Index just past the bracket that closes the one at `open` (skipping strings and comments). */
function skipBalanced(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '"' || c === '`') i = stringEnd(src, i) - 1;
    else if (c === '/' && src[i + 1] === '/') i = src.indexOf('\n', i);
    else if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') if (--depth === 0) return i + 1;
    if (i < 0) break;
  }
  throw new Error('istio: unbalanced brackets in a Go literal');
}

function stringEnd(src: string, start: number): number {
  const q = src[start];
  for (let i = start + 1; i < src.length; i++) {
    if (q === '"' && src[i] === '\\') i++;
    else if (src[i] === q) return i + 1;
  }
  throw new Error('istio: unterminated Go string');
}

/** The `{…}` elements of a slice literal's body, each split into its top-level fields (comments dropped). */
function goElements(body: string): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '/' && body[i + 1] === '/') { i = body.indexOf('\n', i); if (i < 0) break; continue; }
    if (/[\s,]/.test(c)) continue;
    if (c !== '{') throw new Error(`istio: unexpected ${JSON.stringify(body.slice(i, i + 40))} in a Go slice literal`);
    const end = skipBalanced(body, i);
    const fields: string[] = [];
    let depth = 0;
    let field = '';
    for (let j = i + 1; j < end - 1; j++) {
      const d = body[j];
      if (d === '"' || d === '`') { const k = stringEnd(body, j); field += body.slice(j, k); j = k - 1; continue; }
      if (d === '/' && body[j + 1] === '/') { j = body.indexOf('\n', j) - 1; if (j < 0) break; continue; }
      if (d === ',' && depth === 0) { fields.push(field); field = ''; continue; }
      if (d === '(' || d === '{' || d === '[') depth++;
      else if (d === ')' || d === '}' || d === ']') depth--;
      field += d;
    }
    fields.push(field);
    out.push(fields.map((f) => f.trim()).filter(Boolean));
    i = end - 1;
  }
  return out;
}

/** The interpreted string literals of a Go expression like `"a" + "b"`. */
function goStrings(expr: string): string[] {
  return [...expr.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
}

function fromChart(istio: GitRepo, tag: string): Flagged[] {
  const src = istio.readIfExists(tag, DISCOVERY_NOTES);
  if (src === undefined) throw new Error(`istio ${tag}: no ${DISCOVERY_NOTES}, where the istiod chart lists its deprecated values`);
  const fail = (what: string) => new Error(`istio ${tag}: ${what} in ${DISCOVERY_NOTES}; the deprecation import cannot read this release's table`);
  const uses = (name: string, action: RegExp) => {
    const loop = new RegExp(`range \\$dep, \\$replace := \\$${name} \\}\\}([\\s\\S]*?)\\{\\{-? end \\}\\}`).exec(src);
    if (!loop || !action.test(loop[1])) throw fail(`no \`range $dep, $replace := $${name}\` that ${action.source}`);
  };
  uses('deps', /WARNING: \{\{\$dep\|quote\}\} is deprecated; use \{\{\$replace\|quote\}\} instead\./);
  uses('failDeps', /\{\{-? ?fail \(print \$dep " is removed"\)/);
  return [
    ...sprigDict(src, 'deps', fail).map(([p, use]): Flagged => ({ path: p, severity: 'warning', replacement: use })),
    ...sprigDict(src, 'failDeps', fail).map(([p]): Flagged => ({ path: p, severity: 'error', replacement: '' })),
  ];
}

/** `$name := dict "k1" "v1" "k2" …` as sprig builds it: arguments paired in order, a last odd key → "". */
function sprigDict(src: string, name: string, fail: (what: string) => Error): Array<[string, string]> {
  const m = new RegExp(`\\$${name}\\s*:=\\s*dict\\s+([^}]*)\\}\\}`).exec(src);
  if (!m) throw fail(`no \`$${name} := dict …\``);
  const args = [...m[1].matchAll(/\s*("(?:[^"\\]|\\.)*")\s*/gy)];
  if (args.map((a) => a[0]).join('') !== m[1]) throw fail(`\`$${name}\` has arguments other than quoted strings`);
  const strs = args.map((a) => JSON.parse(a[1]) as string);
  const pairs = new Map<string, string>();
  for (let i = 0; i < strs.length; i += 2) pairs.set(strs[i], strs[i + 1] ?? '');
  return [...pairs];
}

// ---------------------------------------------------------------------------------------------
// schemas/deprecations.json

export interface DerivedRange { from: string; to: string; replacement: string }
export interface DerivedRow { path: string; warning?: DerivedRange[]; error?: DerivedRange[] }
export interface DeprecationsFile { $comment: string; tags: Record<string, string>; paths: DerivedRow[] }

/** The file's content: one row per path (in order of first appearance), its ranges of consecutive minors per severity and replacement. */
export function buildDeprecations(istio: GitRepo, minors: Array<{ version: string; istioTag: string }>): DeprecationsFile {
  return deprecationsFile(new Map(minors.map((m) => [m.version, { tag: m.istioTag, flagged: deprecationsAt(istio, m.istioTag) }])));
}

/** The file from what each release flags (by minor, any order). */
export function deprecationsFile(perMinor: Map<string, { tag: string; flagged: Flagged[] }>): DeprecationsFile {
  const sorted = [...perMinor].sort((a, b) => minorNumber(a[0]) - minorNumber(b[0]));
  const rows = new Map<string, DerivedRow>();
  sorted.forEach(([version, { flagged }], i) => {
    for (const f of flagged) {
      let row = rows.get(f.path);
      if (!row) rows.set(f.path, (row = { path: f.path }));
      const ranges = (row[f.severity] ??= []);
      const lastRange = ranges[ranges.length - 1];
      const previous = i > 0 ? sorted[i - 1][0] : undefined;
      if (lastRange && lastRange.to === previous && lastRange.replacement === f.replacement) lastRange.to = version;
      else ranges.push({ from: version, to: version, replacement: f.replacement });
    }
  });
  return {
    $comment: `Generated by scripts/schema/import/deprecationsImport.ts from Istio's source at ${sorted.map(([, m]) => m.tag).join(', ')}`
      + ' (validation.go to 1.23, the istio-discovery chart\'s NOTES.txt from 1.24). Paths are under spec.values unless they start with spec.; minors are inclusive. Do not edit.',
    tags: Object.fromEntries(sorted.map(([version, m]) => [version, m.tag])),
    paths: [...rows.values()].map((r) => ({ path: r.path, ...(r.warning && { warning: r.warning }), ...(r.error && { error: r.error }) })),
  };
}

export function writeDeprecations(istio: GitRepo, minors: Array<{ version: string; istioTag: string }>, outDir: string): void {
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'deprecations.json'), `${JSON.stringify(buildDeprecations(istio, minors), null, 1)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (flag: string) => { const i = process.argv.indexOf(flag); return i > 0 ? process.argv[i + 1] : undefined; };
  const repo = arg('--istio-repo');
  if (!repo) {
    console.error('usage: node --import tsx scripts/schema/import/deprecationsImport.ts --istio-repo DIR [--out DIR]');
    process.exit(2);
  }
  const outDir = path.resolve(arg('--out') ?? path.join(import.meta.dirname, '../../../schemas'));
  try {
    writeDeprecations(new GitRepo(path.resolve(repo), 'istio/istio'), readMinors(dataDir()), outDir);
    console.log(`wrote ${path.join(outDir, 'deprecations.json')}`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
