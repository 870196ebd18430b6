// Message templates with named placeholders, read both ways: an English template matches a message
// the engine built (giving the values of its placeholders) and the same placeholders fill the
// Chinese template. `{name}` is any text, kept as it is (a path, a value, a release); `{name:table}`
// is a phrase of a fragment table, translated itself; `{name:word}` is one token, no spaces or
// backticks (a Kubernetes kind), kept as written. `{{` and `}}` are literal braces.

/** A fragment table: templates tried in order; a function entry translates what it recognizes. */
export type Fragment = readonly [en: string, zh: string] | ((text: string) => string | undefined);

const UPSTREAM = new WeakSet<object>();

/** A function entry that keeps Istio's or Kubernetes' own text as it is (a Trace lists what it kept). */
export function upstream(fn: (text: string) => string | undefined): Fragment {
  UPSTREAM.add(fn);
  return fn;
}
export type Fragments = Readonly<Record<string, readonly Fragment[]>>;

type Part = { text: string } | { name: string; table?: string };

/** A template's parts: literal text and placeholders. */
export function parse(template: string): Part[] {
  const parts: Part[] = [];
  let text = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if ((c === '{' || c === '}') && template[i + 1] === c) { text += c; i++; continue; }
    if (c === '{') {
      const end = template.indexOf('}', i);
      if (end < 0) throw new Error(`unclosed placeholder in ${JSON.stringify(template)}`);
      const [name, table] = template.slice(i + 1, end).split(':');
      if (!/^\w+$/.test(name)) throw new Error(`bad placeholder {${name}} in ${JSON.stringify(template)}`);
      if (text) parts.push({ text });
      text = '';
      parts.push(table ? { name, table } : { name });
      i = end;
      continue;
    }
    text += c;
  }
  if (text) parts.push({ text });
  return parts;
}

/** The placeholder names of a template, sorted, each once. */
export function placeholders(template: string): string[] {
  return [...new Set(parse(template).flatMap((p) => ('name' in p ? [p.name] : [])))].sort();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Tables that are patterns, not phrases: the text is kept as written. */
const BUILTIN: Readonly<Record<string, string>> = { word: '[^\\s`]+' };

/**
 * The regular expression source of a template. `capture`: the placeholders become groups (the
 * outer template); inside a fragment they do not. A table placeholder matches only the phrases of
 * its table, so a message matches only when every phrase in it is one the tables know.
 */
function source(template: string, fragments: Fragments, capture: string[] | undefined, depth: number): string {
  if (depth > 6) throw new Error('fragment tables nest too deep');
  return parse(template).map((p) => {
    if ('text' in p) return escape(p.text);
    const inner = p.table && BUILTIN[p.table] ? BUILTIN[p.table] : p.table ? tableSource(p.table, fragments, depth) : '[\\s\\S]*?';
    if (!capture) return `(?:${inner})`;
    const seen = capture.indexOf(p.name);
    if (seen >= 0) return `\\${seen + 1}`;
    capture.push(p.name);
    return `(${inner})`;
  }).join('');
}

function tableSource(table: string, fragments: Fragments, depth: number): string {
  const rows = fragments[table];
  if (!rows) throw new Error(`no fragment table ${table}`);
  // A function entry recognizes its own texts: the pattern admits anything, the translation decides.
  if (rows.some((r) => typeof r === 'function')) return '[\\s\\S]*?';
  return rows.map((r) => source((r as readonly [string, string])[0], fragments, undefined, depth + 1)).join('|');
}

export interface Compiled { en: string; zh: string; re: RegExp; names: string[] }

export function compile(en: string, zh: string, fragments: Fragments): Compiled {
  const names: string[] = [];
  const re = new RegExp(`^${source(en, fragments, names, 0)}$`);
  return { en, zh, re, names };
}

/** What a translation used: the fragment rows, and the texts passed through as upstream docs. */
export interface Trace { rows: Set<string>; passthrough: string[] }

/** The Chinese for `text` by the first matching template, or undefined. */
export function translate(text: string, templates: readonly Compiled[], fragments: Fragments, trace?: Trace): string | undefined {
  for (const t of templates) {
    const m = t.re.exec(text);
    if (!m) continue;
    const values: Record<string, string> = {};
    let ok = true;
    const parts = parse(t.en);
    t.names.forEach((name, i) => {
      const part = parts.find((p) => 'name' in p && p.name === name) as { name: string; table?: string };
      const raw = m[i + 1];
      const value = part.table && !BUILTIN[part.table] ? fragment(raw, part.table, fragments, trace) : raw;
      if (value === undefined) ok = false;
      else values[name] = value;
    });
    if (!ok) continue;
    trace?.rows.add(t.en);
    return fill(t.zh, values);
  }
  return undefined;
}

/** A phrase of a fragment table in Chinese. */
export function fragment(text: string, table: string, fragments: Fragments, trace?: Trace): string | undefined {
  const rows = fragments[table] ?? [];
  for (const r of rows) {
    if (typeof r === 'function') {
      const out = r(text);
      if (out !== undefined) { trace?.rows.add(`${table}:ƒ`); if (UPSTREAM.has(r)) trace?.passthrough.push(text); return out; }
      continue;
    }
    const out = translate(text, [compiledRow(table, r, fragments)], fragments, trace);
    if (out !== undefined) { trace?.rows.add(`${table}:${r[0]}`); return out; }
  }
  return undefined;
}

const rowCache = new WeakMap<readonly [string, string], Compiled>();
function compiledRow(_table: string, row: readonly [string, string], fragments: Fragments): Compiled {
  let c = rowCache.get(row);
  if (!c) { c = compile(row[0], row[1], fragments); rowCache.set(row, c); }
  return c;
}

/** A template with its placeholders filled (`{name:table}` takes the value of `name`). */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return parse(template).map((p) => ('text' in p ? p.text : String(values[p.name] ?? `{${p.name}}`))).join('');
}
