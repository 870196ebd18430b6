// Checks one IstioOperator document against its release's schema, walking the YAML nodes so every
// problem lands on the key or value that is wrong, in words a person can act on.
import { DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { Node, Pair } from 'yaml';
import { makeDiagnostic, type DiagnosticCode, type DiagnosticData, type QuickFix } from './diagnostics.ts';
import type { Limits } from '../parse/limits.ts';
import type { LineIndex } from '../parse/lineIndex.ts';
import type { YamlDoc } from '../parse/parse.ts';
import { documentProfile } from '../hover/fieldDocs.ts';
import { restatesDefault } from '../schema/profileDefaults.ts';
import { runRules } from '../rules/index.ts';
import type { DocumentPlace } from '../rules/ruleTypes.ts';
import { isMergeKey, mergeSources } from '../parse/nodePath.ts';
import type { IstioSchema, SchemaNode } from '../schema/schemaStore.ts';
import { closest } from './suggest.ts';
import { formHint } from '../k8s/forms.ts';
import { missingRequired, enumOutsideKubernetes } from '../k8s/kubernetesChecks.ts';
import { recall, remember, type Finding, type MemoKey } from './validationMemo.ts';
import { deref, formatPath, setPath, isAlias, isMap, isScalar, isSeq, jsonType, keyName, nodeSpan, scalarText, type Step } from '../parse/yamlNodes.ts';

const API_VERSION = 'install.istio.io/v1alpha1';

interface Ctx {
  schema: IstioSchema;
  ydoc: YamlDoc;
  lines: LineIndex;
  limits: Limits;
  out: Diagnostic[];
  /** The offsets of each diagnostic in `out` reported by the walk (for validationMemo). */
  spans: Array<readonly [number, number]>;
  aliases: number;
  /** Aliases and merge keys met so far: a subtree that met one reads outside itself and is not memoized. */
  indirections: number;
  stopped: boolean;
  profile: string;
  visited: number;
  cancelled: () => boolean;
}

export function validateDocument(ydoc: YamlDoc, schema: IstioSchema, lines: LineIndex, limits: Limits, cancelled: () => boolean = () => false, place: DocumentPlace = {}): Diagnostic[] {
  const ctx: Ctx = { schema, ydoc, lines, limits, out: [], spans: [], aliases: 0, indirections: 0, stopped: false, visited: 0, cancelled, profile: documentProfile(schema, ydoc).name };
  const root = ydoc.doc.contents;
  if (!root) return ctx.out;
  checkApiVersion(ctx);
  visit(ctx, root, schema.root, [], 0);
  // istioctl's own checks beyond the schema, where the walk was not cut short.
  if (!ctx.stopped) ctx.out.push(...runRules(ydoc.doc, schema, ctx.profile, lines, place));
  return ctx.out;
}

function report(ctx: Ctx, span: [number, number], severity: 'error' | 'warning' | 'information', code: DiagnosticCode, message: string, path: Step[], tags?: DiagnosticTag[], fix?: QuickFix) {
  if (ctx.out.length >= ctx.limits.maxDiagnostics) { ctx.stopped = true; return; }
  const d = makeDiagnostic(ctx.lines.range(span[0], span[1]), severity, code, message, formatPath(path), tags ? { tags } : undefined);
  if (fix) (d.data as DiagnosticData).fix = fix;
  ctx.out.push(d);
  ctx.spans.push(span);
}

function checkApiVersion(ctx: Ctx) {
  const root = ctx.ydoc.doc.contents;
  if (!isMap(root)) return;
  const pair = root.items.find((p) => keyName(p) === 'apiVersion');
  const value = pair?.value as Node | null | undefined;
  if (pair && isScalar(value) && value.value !== API_VERSION) {
    report(ctx, nodeSpan(value, [0, 0]), 'error', 'api-version',
      `An IstioOperator must have \`apiVersion: ${API_VERSION}\`, not \`${scalarText(value)}\`; istioctl does not read it otherwise.`, ['apiVersion']);
  }
}

function visit(ctx: Ctx, raw: unknown, schema: SchemaNode, path: Step[], depth: number): void {
  if (ctx.stopped) return;
  if (depth > ctx.limits.maxDepth) {
    report(ctx, nodeSpan(raw as Node, [0, 0]), 'warning', 'depth-limit', `Nesting deeper than ${ctx.limits.maxDepth} levels is not checked.`, path);
    ctx.stopped = true;
    return;
  }
  let node = raw;
  if (isAlias(raw)) {
    ctx.indirections++;
    if (++ctx.aliases > ctx.limits.maxAliasExpansions) {
      report(ctx, nodeSpan(raw, [0, 0]), 'warning', 'alias-limit', `More than ${ctx.limits.maxAliasExpansions} alias expansions: the rest of this document is not checked.`, path);
      ctx.stopped = true;
      return;
    }
    node = deref(ctx.ydoc.doc, raw);
    if (node === undefined) return; // an unresolved alias is a YAML error, reported by the parser
  }
  // Asking for cancellation on every node would cost more than the check itself.
  if ((++ctx.visited & 63) === 0 && ctx.cancelled()) { ctx.stopped = true; return; }

  const actual = jsonType(node);
  if (actual === 'null') return; // null means "unset" to istioctl
  const span = nodeSpan(node as Node, nodeSpan(raw as Node, [0, 0]));
  const types = schemaTypes(schema);
  if (types && !typeMatches(types, actual)) {
    const special = schema['x-istio-type'] === 'Duration' ? 'invalid-duration' : undefined;
    report(ctx, span, 'error', special ?? 'type', special ? durationMessage(scalarText(node)) : typeMessage(schema, types, node, path, ctx.schema.version), path, undefined, unquoteFix(node, types) ?? quoteFix(node, types));
    return;
  }
  if (actual === 'object' || actual === 'array') return visitCollection(ctx, node as Node, schema, path, depth);
  checkScalar(ctx, node, schema, path, span);
}

/**
 * How deep maps and lists keep what they reported (validationMemo.ts). Deeper ones are small: walking
 * them again costs less than remembering them all.
 */
const MEMO_DEPTH = 6;

/** A map or list: what it reported last time when nothing it depends on changed, else a walk. */
function visitCollection(ctx: Ctx, node: Node, schema: SchemaNode, path: Step[], depth: number): void {
  if (depth > MEMO_DEPTH) return walkCollection(ctx, node, schema, path, depth);
  const key: MemoKey = { istio: ctx.schema, schema, path, profile: ctx.profile, depth, limits: ctx.limits };
  const known = recall(node, key, ctx.lines);
  if (known && ctx.out.length + known.length < ctx.limits.maxDiagnostics) {
    for (const f of known) { ctx.out.push(f.diagnostic); ctx.spans.push(f.span); }
    return;
  }
  const from = ctx.out.length;
  const indirections = ctx.indirections;
  walkCollection(ctx, node, schema, path, depth);
  if (ctx.stopped || ctx.indirections !== indirections) return;
  const findings: Finding[] = [];
  for (let i = from; i < ctx.out.length; i++) findings.push({ diagnostic: ctx.out[i], span: ctx.spans[i] });
  remember(node, key, findings);
}

function walkCollection(ctx: Ctx, node: Node, schema: SchemaNode, path: Step[], depth: number): void {
  if (isMap(node)) return visitMap(ctx, node as unknown as { items: Pair[] }, schema, path, depth);
  const items = schema.items ? ctx.schema.resolve(schema.items) : undefined;
  if (items) (node as unknown as { items: unknown[] }).items.forEach((item, i) => visit(ctx, item, items, [...path, i], depth + 1));
}

/** A map's own pairs, then the pairs `<<: *anchor` merges in that the map does not override. */
function effectivePairs(ctx: Ctx, map: { items: Pair[] }, depth = 0): Pair[] {
  const own = map.items.filter((p) => !isMergeKey(p));
  if (own.length === map.items.length) return own;
  ctx.indirections++;
  if (depth > 5) return own;
  const keys = new Set(own.map((p) => keyName(p)));
  const merged: Pair[] = [];
  for (const source of mergeSources(ctx.ydoc.doc, map.items)) {
    if (++ctx.aliases > ctx.limits.maxAliasExpansions) break;
    for (const p of effectivePairs(ctx, source as { items: Pair[] }, depth + 1)) {
      const k = keyName(p);
      if (!keys.has(k)) { keys.add(k); merged.push(p); }
    }
  }
  return [...own, ...merged];
}

function visitMap(ctx: Ctx, map: { items: Pair[] }, schema: SchemaNode, path: Step[], depth: number) {
  const props = schema.properties as Record<string, SchemaNode> | undefined;
  const extra = schema.additionalProperties;
  const ignored = schema['x-istio-unknown-keys'] === 'ignored';
  const pairs = effectivePairs(ctx, map);
  let otherForm = false;
  for (const pair of pairs) {
    if (ctx.stopped) return;
    const key = keyName(pair);
    const keySpan = nodeSpan(pair.key as Node, [0, 0]);
    if (key === undefined) {
      report(ctx, keySpan, 'error', 'non-string-key', 'Keys must be plain strings here.', path);
      continue;
    }
    const childPath = [...path, key];
    const found = props ? ctx.schema.property(schema, key) : undefined;
    if (found) {
      noteDeprecation(ctx, found.node, pair.value, keySpan, childPath);
      visit(ctx, pair.value, found.node, childPath, depth + 1);
      continue;
    }
    if (extra && typeof extra === 'object') {
      noteKeyDeprecation(ctx, schema, key, pair.value, keySpan, childPath);
      visit(ctx, pair.value, ctx.schema.resolve(extra), childPath, depth + 1);
      continue;
    }
    if (!props) continue; // a free-form object
    const hint = formHint(ctx.schema, schema, key, pair, path, ctx.ydoc.doc);
    if (hint) {
      otherForm = true;
      report(ctx, keySpan, 'error', hint.code ?? 'k8s-form', hint.message, childPath, undefined, hint.rewrite ? { title: hint.title ?? 'Rewrite', rewrite: hint.rewrite } : undefined);
      continue;
    }
    unknownKey(ctx, schema, key, keySpan, path, ignored || extra === undefined);
  }
  checkOneofs(ctx, schema, { items: pairs }, path);
  // A map in the other era's form misses the fields its rewrite brings: the form error says it.
  const missing = otherForm ? undefined : missingRequired(schema, pairs, path);
  if (missing) report(ctx, nodeSpan(map as unknown as Node, [0, 0]), 'warning', 'k8s-required', missing, path);
}

function unknownKey(ctx: Ctx, schema: SchemaNode, key: string, span: [number, number], path: Step[], ignored: boolean) {
  const where = path.length ? `\`${formatPath(path)}\`` : 'the document';
  const full = `\`${setPath([...path, key])}\``;
  const version = ctx.schema.version;
  const severity = ignored ? 'warning' : 'error';
  const consequence = ignored ? ` Istio ${version} ignores it silently, so this setting has no effect.` : '';
  const moved = schema['x-istio-moved']?.[key] as string | undefined;
  const other = schema['x-istio-other-versions']?.[key] as string | undefined;
  if (other) {
    const instead = moved ? `: ${moved}` : '';
    report(ctx, span, severity, 'field-not-in-version', `${full} does not exist in Istio ${version} (${describeRange(other, version)})${instead}.${consequence}`, [...path, key], undefined,
      moveFix(schema['x-istio-moved-to']?.[key] as string | undefined, [...path, key]));
    return;
  }
  if (moved) {
    report(ctx, span, severity, 'field-moved', `${full} is not accepted in Istio ${version}: ${moved}.${consequence}`, [...path, key], undefined,
      moveFix(schema['x-istio-moved-to']?.[key] as string | undefined, [...path, key]));
    return;
  }
  const guess = closest(key, ctx.schema.keys(schema).map(([k]) => k));
  const hint = guess ? `; did you mean \`${guess}\`?` : '.';
  report(ctx, span, severity, ignored ? 'unknown-field-ignored' : 'unknown-field', `Unknown field \`${key}\` in ${where}${hint}${consequence}`, [...path, key], undefined,
    guess ? { title: `Change to \`${guess}\``, newText: guess } : undefined);
}

/** "1.5-1.7" seen from 1.9 → "last in 1.7"; "1.18-1.30" from 1.10 → "added in 1.18". */
export function describeRange(range: string, version: string): string {
  const n = Number(version.split('.')[1]);
  const parts = range.split(',').map((p) => p.trim().split('-').map((v) => Number(v.split('.')[1])));
  const before = parts.filter(([a]) => a < n);
  const after = parts.filter(([a]) => a > n);
  if (parts.length === 1 && before.length === 1) return `last in 1.${before[0][1] ?? before[0][0]}`;
  if (parts.length === 1 && after.length === 1) return `added in 1.${after[0][0]}`;
  return `only in Istio ${range}`;
}

function noteDeprecation(ctx: Ctx, node: SchemaNode, value: unknown, span: [number, number], path: Step[]) {
  if (!node.deprecated) return;
  const error = node['x-istio-deprecation-severity'] === 'error';
  // Like istioctl, say nothing when the value only restates the profile's default.
  if (!error && restatesDefault(ctx.schema, node, value, ctx.ydoc.doc, ctx.profile)) return;
  const raw = String(node.deprecationMessage ?? '');
  const text = /^deprecated\.?$/i.test(raw.trim()) || !raw ? 'It may be removed in a later release.' : raw;
  report(ctx, span, error ? 'error' : 'warning', error ? 'removed' : 'deprecated', `\`${setPath(path)}\` is deprecated in Istio ${ctx.schema.version}. ${text}`, path, [DiagnosticTag.Deprecated],
    moveFix(node['x-istio-move-to'] as string | undefined, path));
}

/** "Move to `meshConfig.x`": the same value at the path it moved to (k8s/moves.ts writes it). */
function moveFix(target: string | undefined, path: Step[]): QuickFix | undefined {
  return target ? { title: `Move to \`${target}\``, rewrite: { kind: 'move-path', at: path, to: ['spec', ...target.split('.')] } } : undefined;
}

/** A deprecated entry of a map of components (e.g. `addonComponents.grafana`): an error only when enabled. */
function noteKeyDeprecation(ctx: Ctx, schema: SchemaNode, key: string, value: unknown, span: [number, number], path: Step[]) {
  const entry = schema['x-istio-key-deprecations']?.[key] as { severity: 'error' | 'warning'; message: string } | undefined;
  if (!entry) return;
  const v = deref(ctx.ydoc.doc, value);
  const enabled = isMap(v) ? (v.get('enabled') === true) : false;
  const error = entry.severity === 'error' && enabled;
  report(ctx, span, error ? 'error' : 'warning', error ? 'removed' : 'deprecated', `\`${setPath(path)}\` is deprecated in Istio ${ctx.schema.version}. ${entry.message}`, path, [DiagnosticTag.Deprecated]);
}

function checkOneofs(ctx: Ctx, schema: SchemaNode, map: { items: Pair[] }, path: Step[]) {
  const groups = schema['x-istio-oneof'] as string[][] | undefined;
  if (!groups) return;
  for (const group of groups) {
    const set = map.items.filter((p) => {
      const k = keyName(p);
      if (k === undefined) return false;
      const found = ctx.schema.property(schema, k);
      return found && group.includes(found.key) && jsonType(deref(ctx.ydoc.doc, p.value)) !== 'null';
    });
    if (set.length < 2) continue;
    const names = set.map((p) => `\`${keyName(p)}\``).join(', ');
    for (const extra of set.slice(1)) {
      report(ctx, nodeSpan(extra.key as Node, [0, 0]), 'error', 'oneof',
        `Only one of ${group.map((g) => `\`${g}\``).join(', ')} may be set in \`${setPath(path)}\`; found ${names}.`, [...path, keyName(extra)!]);
    }
  }
}

function checkScalar(ctx: Ctx, node: unknown, schema: SchemaNode, path: Step[], span: [number, number]) {
  if (!isScalar(node)) return;
  const value = node.value;
  const text = scalarText(node);
  const outside = enumOutsideKubernetes(schema, value, path);
  if (outside) report(ctx, span, 'warning', 'k8s-enum', outside, path);
  if (Array.isArray(schema.enum)) {
    const allowed = schema.enum as unknown[];
    const ok = allowed.some((a) => a === value || (typeof a === 'number' && typeof value === 'string' && String(a) === value));
    if (!ok) {
      const names = allowed.filter((a): a is string => typeof a === 'string' && a !== '');
      const guess = closest(text, names);
      report(ctx, span, 'error', 'enum', `Invalid value \`${text}\` for \`${setPath(path)}\`; expected one of ${names.map((n) => `\`${n}\``).join(', ')}${guess ? ` (did you mean \`${guess}\`?)` : ''}.`, path, undefined,
        guess ? { title: `Change to \`${guess}\``, newText: guess } : undefined);
      return;
    }
  }
  const isString = typeof value === 'string';
  if (isString && typeof schema.pattern === 'string' && !patternOf(schema.pattern).test(value)) {
    const type = schema['x-istio-type'];
    if (type === 'Duration') report(ctx, span, 'error', 'invalid-duration', durationMessage(value), path);
    else if (type === 'Quantity') report(ctx, span, 'error', 'invalid-quantity', `Expected a Kubernetes quantity such as \`100m\`, \`2\`, \`512Mi\` or \`1.5Gi\`, got ${quote(value)}.`, path);
    else if (schema['x-istio-scalar']) report(ctx, span, 'error', 'type', `Expected ${schemaTypeWords(schema, ['integer', 'number'].filter((t) => schemaTypes(schema)?.includes(t)))} for \`${setPath(path)}\`, got the string ${quote(value)}.`, path);
    else report(ctx, span, 'error', 'pattern', `${quote(value)} does not have the expected form (${schema.pattern}).`, path);
    return;
  }
  if (typeof schema.minimum === 'number') {
    const n = typeof value === 'number' ? value : isString && /^[-+]?\d+$/.test(value) ? Number(value) : undefined;
    if (n !== undefined && n < schema.minimum) report(ctx, span, 'error', 'minimum', `\`${setPath(path)}\` must be ${schema.minimum} or more, got ${text}.`, path);
  }
}

const durationMessage = (got: string) => `Expected a duration with a unit, such as \`10s\`, \`1.5s\`, \`100ms\`, \`30m\` or \`1h\`, got ${quote(got)}.`;

const patterns = new Map<string, RegExp>();
function patternOf(p: string): RegExp {
  let re = patterns.get(p);
  if (!re) { re = new RegExp(p, 'u'); patterns.set(p, re); }
  return re;
}

function schemaTypes(schema: SchemaNode): string[] | undefined {
  const t = schema.type;
  if (t === undefined) return undefined;
  return Array.isArray(t) ? t : [t];
}

function typeMatches(types: string[], actual: string): boolean {
  return types.includes(actual) || (actual === 'integer' && types.includes('number'));
}

const WORDS: Record<string, string> = { object: 'a map', array: 'a list', string: 'a string', integer: 'an integer', number: 'a number', boolean: 'a boolean' };

function schemaTypeWords(schema: SchemaNode, types: string[]): string {
  if (schema['x-istio-type'] === 'IntOrString') return 'an integer or a string';
  const words = types.filter((t) => t !== 'null' && !(t === 'string' && schema['x-istio-scalar'])).map((t) => WORDS[t] ?? t);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : words[0] ?? 'a value';
}

/** A number where only a string is read (protobuf JSON reads no number into a string field): quote it. */
function quoteFix(node: unknown, types: string[]): QuickFix | undefined {
  if (!isScalar(node) || typeof node.value !== 'number' || types.includes('integer') || types.includes('number') || !types.includes('string')) return undefined;
  const text = node.source ?? String(node.value);
  return { title: `Change to "${text}"`, newText: JSON.stringify(text) };
}

/** `k8s.resources.requests.cpu` and friends: up to 1.23 a map<string,string> (ISTIOCTL-K8S.md, "Resources"). */
function isResourceQuantity(path: Step[]): boolean {
  const n = path.length;
  return n >= 3 && path[n - 3] === 'resources' && (path[n - 2] === 'limits' || path[n - 2] === 'requests');
}

function typeMessage(schema: SchemaNode, types: string[], node: unknown, path: Step[], version: string): string {
  if (isScalar(node) && typeof node.value === 'number' && isResourceQuantity(path) && !types.includes('number')) {
    const text = node.source ?? String(node.value);
    return `Istio ${version} reads \`${setPath(path)}\` as a string (resources are map<string,string> up to 1.23; \`cpu: ${text}\` fails with "cannot unmarshal number into Go value of type string"): write \`"${text}"\`${path[path.length - 1] === 'cpu' ? ` or \`${Number(text) * 1000}m\`` : ''}.`;
  }
  const expected = schemaTypeWords(schema, types);
  const got = describeValue(node);
  const hint = isScalar(node) && typeof node.value === 'string' && types.includes('boolean') && /^(true|false|yes|no|on|off)$/i.test(node.value)
    ? ' Remove the quotes to make it a boolean.'
    : isScalar(node) && typeof node.value === 'string' && (types.includes('integer') || types.includes('number')) && /^[-+]?\d+(\.\d+)?$/.test(node.value)
      ? ' Remove the quotes to make it a number.'
      : '';
  return `Expected ${expected} for \`${setPath(path)}\`, got ${got}.${hint}`;
}

/** `"yes"` where a boolean belongs, `"3"` where a Go-decoded integer belongs: drop the quotes. */
function unquoteFix(node: unknown, types: string[]): QuickFix | undefined {
  if (!isScalar(node) || typeof node.value !== 'string') return undefined;
  const v = node.value;
  const asBool = types.includes('boolean') && /^(true|false)$/i.test(v) ? v.toLowerCase() : types.includes('boolean') && /^(yes|on)$/i.test(v) ? 'true' : types.includes('boolean') && /^(no|off)$/i.test(v) ? 'false' : undefined;
  const asNumber = (types.includes('integer') || types.includes('number')) && /^[-+]?\d+(\.\d+)?$/.test(v) ? v : undefined;
  const newText = asBool ?? asNumber;
  return newText === undefined ? undefined : { title: `Change to ${newText}`, newText };
}

function describeValue(node: unknown): string {
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  if (!isScalar(node)) return 'a value';
  const v = node.value;
  if (typeof v === 'string') return `the string ${quote(v)}`;
  if (typeof v === 'boolean') return `the boolean ${v}`;
  if (typeof v === 'number') return `the number ${node.source ?? v}`;
  return `\`${scalarText(node)}\``;
}

const quote = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
