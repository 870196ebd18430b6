// Where the cursor is, for completion: the document, the path of the map (or list, or key) it writes
// into, the word to replace and the indentation. Block structure is read from the text lines, so it
// works mid-edit (half-typed keys, `key:` with nothing after, syntax errors elsewhere); flow
// collections (`k8s: {…}`) are found through the parsed nodes.
import YAML, { type Node } from 'yaml';
import type { ParsedFile, YamlDoc } from '../parse/parse.ts';
import { mapKeys, nodeAt, nodeAtPath } from '../parse/nodePath.ts';
import { isMap, isSeq, type Step } from '../parse/yamlNodes.ts';

export interface CursorContext {
  doc: YamlDoc | undefined;
  offset: number;
  /**
   * `key`: a key of the map at `path` is being written;
   * `value`: the value of the key that `path` ends with (or of a list item, when it ends with an index);
   * `item`: a new item of the list at `path`, at index `itemIndex`, with no `- ` typed yet.
   */
  kind: 'key' | 'value' | 'item';
  path: Step[];
  itemIndex: number;
  /** The text the completion replaces (the typed prefix and the rest of the word), as offsets. */
  replace: [number, number];
  prefix: string;
  /** Column a key written here starts at, and the document's indentation step. */
  column: number;
  indentUnit: number;
  /** Inside `{…}` or `[…]`: no line breaks in what is inserted. */
  flow: boolean;
  /** The key already has its `:` after the word (only the name is replaced). */
  hasColon: boolean;
  /** The cursor sits right after `key:`: a value needs a leading space. */
  needsSpace: boolean;
  /** The word directly follows a `- ` on its line (a list item being written). */
  afterDash: boolean;
  /** Keys the map already has (never offered again). */
  present: Set<string>;
}

/**
 * The document holding an offset: the last one whose text (its `---` included) starts at or before
 * it. Blank lines after a document's content stay in that document until the next `---`.
 */
export function documentAt(file: ParsedFile, offset: number): YamlDoc | undefined {
  let found: YamlDoc | undefined = file.documents[0];
  for (const d of file.documents) {
    if (Math.max(d.start, d.doc.range?.[0] ?? d.start) <= offset) found = d;
    else break;
  }
  return found;
}

/** Stands in for the document of an empty file (no YAML document at all), to choose a release for it. */
export function emptyDocument(file: ParsedFile): YamlDoc {
  return { index: 0, doc: new YAML.Document() as YAML.Document.Parsed, start: 0, end: file.text.length, isIstioOperator: false, problems: [] };
}

const SPACE = 32;
const TAB = 9;

export function locateCursor(file: ParsedFile, offset: number): CursorContext | undefined {
  const { text, lines } = file;
  const doc = documentAt(file, offset);
  const pos = lines.position(offset);
  const lineStart = lines.lineStart(pos.line);
  const end = lineEnd(file, pos.line);
  const cursor = Math.min(offset, end);
  if (inComment(text, lineStart, cursor)) return undefined;
  if (doc) {
    const flow = flowContext(file, doc, cursor, pos.line);
    if (flow !== null) return flow;
  }
  return blockContext(file, doc, cursor, lineStart, end, pos.line);
}

// ------------------------------------------------------------------------------------------------
// Block context: read the lines above the cursor by indentation.

function blockContext(file: ParsedFile, doc: YamlDoc | undefined, cursor: number, lineStart: number, eol: number, line: number): CursorContext | undefined {
  const { text } = file;
  if (isMarker(text, lineStart, eol)) return undefined;
  // Indentation, then `- ` indicators, then the word being written.
  let i = lineStart;
  while (i < cursor && text.charCodeAt(i) === SPACE) i++;
  const dashes: number[] = [];
  while (i + 1 < cursor && text.charCodeAt(i) === 45 /* - */ && isBlank(text.charCodeAt(i + 1))) {
    dashes.push(i - lineStart);
    i++;
    while (i < cursor && isBlank(text.charCodeAt(i))) i++;
  }
  const wordStart = i;
  const before = text.slice(wordStart, cursor);
  const docStartLine = doc ? file.lines.position(doc.start).line : 0;
  const base = { doc, offset: cursor, flow: false, itemIndex: 0, afterDash: dashes.length > 0 };

  if (KEY_PREFIX.test(before)) {
    let wordEnd = cursor;
    while (wordEnd < eol && isKeyChar(text.charCodeAt(wordEnd))) wordEnd++;
    let j = wordEnd;
    while (j < eol && isBlank(text.charCodeAt(j))) j++;
    const hasColon = j < eol && text.charCodeAt(j) === 58 /* : */;
    // Anything else after the word (the cursor in front of other text) is not a place for a key.
    if (j < eol && !hasColon && text.charCodeAt(j) !== 35 /* # */) return undefined;
    const column = wordStart - lineStart;
    const scan = ancestors(file, docStartLine, line, column, dashes);
    if (!scan) return undefined;
    const ctx: CursorContext = {
      ...base,
      kind: scan.newItem !== undefined ? 'item' : 'key',
      path: scan.path,
      itemIndex: scan.newItem ?? 0,
      replace: [wordStart, wordEnd],
      prefix: before,
      column,
      indentUnit: scan.unit,
      hasColon,
      needsSpace: false,
      present: scan.present,
    };
    if (ctx.kind === 'key') {
      for (const k of siblingsBelow(file, line, column, doc)) ctx.present.add(k);
      if (doc) for (const k of mapKeys(doc.doc, nodeAtPath(doc.doc, ctx.path), [wordStart, wordEnd])) ctx.present.add(k);
    }
    return ctx;
  }

  // `key: value` with the cursor after the colon.
  const key = readKey(text, wordStart, eol);
  if (!key || cursor <= key.colon) return undefined;
  let v = key.colon + 1;
  const needsSpace = v === cursor;
  while (v < cursor && isBlank(text.charCodeAt(v))) v++;
  const valueText = text.slice(v, eol);
  if (/^[|>]/.test(valueText) || /^[{[]/.test(valueText)) return undefined; // a block scalar header, or flow text the parser did not see
  let start = v;
  let end = valueEnd(text, v, eol);
  const quote = text[v];
  if (quote === '"' || quote === "'") {
    start = v + 1;
    const close = text.indexOf(quote, start);
    end = close >= 0 && close < eol ? close : end;
  }
  if (cursor < start) return undefined;
  if (end < cursor) end = cursor;
  const column = wordStart - lineStart;
  const scan = ancestors(file, docStartLine, line, column, dashes);
  if (!scan || scan.newItem !== undefined) return undefined;
  return {
    ...base,
    kind: 'value',
    path: [...scan.path, key.name],
    replace: [start, end],
    prefix: text.slice(start, cursor),
    column,
    indentUnit: scan.unit,
    hasColon: true,
    needsSpace,
    present: new Set(),
  };
}

const KEY_PREFIX = /^(?:[A-Za-z0-9_][A-Za-z0-9_.\-/]*)?$/;
const isKeyChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45 || c === 47;
const isBlank = (c: number) => c === SPACE || c === TAB;

/** End of line `l` (before its line break), from the line index: no scan along the line. */
function lineEnd(file: ParsedFile, l: number): number {
  const { text, lines } = file;
  let e = l + 1 < lines.lineCount ? lines.lineStart(l + 1) : text.length;
  if (e > lines.lineStart(l) && text.charCodeAt(e - 1) === 10) e--;
  if (e > lines.lineStart(l) && text.charCodeAt(e - 1) === 13) e--;
  return e;
}

function isMarker(text: string, start: number, end: number): boolean {
  const three = text.slice(start, start + 3);
  return (three === '---' || three === '...') && (start + 3 === end || isBlank(text.charCodeAt(start + 3)));
}

/** A `#` that starts a comment (at the line start or after a blank, outside quotes) before the cursor. */
function inComment(text: string, lineStart: number, cursor: number): boolean {
  let quote = 0;
  for (let i = lineStart; i < cursor; i++) {
    const c = text.charCodeAt(i);
    if (quote) { if (c === quote) quote = 0; continue; }
    if ((c === 34 || c === 39) && (i === lineStart || /[\s:,[{-]/.test(text[i - 1]))) quote = c;
    else if (c === 35 && (i === lineStart || isBlank(text.charCodeAt(i - 1)))) return true;
  }
  return false;
}

/** End of a plain value on its line: before a ` #` comment, trailing blanks left out. */
function valueEnd(text: string, start: number, eol: number): number {
  let e = eol;
  for (let i = start; i < eol; i++) if (text.charCodeAt(i) === 35 && i > start && isBlank(text.charCodeAt(i - 1))) { e = i; break; }
  while (e > start && isBlank(text.charCodeAt(e - 1))) e--;
  return e;
}

// ------------------------------------------------------------------------------------------------
// One line, as far as structure goes.

interface LineTokens {
  indent: number;
  kind: 'blank' | 'comment' | 'marker' | 'content';
  /** Columns of the `- ` indicators, left to right. */
  dashes: number[];
  /** What follows the indicators: a key, another scalar or flow text, or nothing. */
  item?: { col: number; key?: string; value?: 'empty' | 'inline' | 'block-scalar' };
}

function indentOf(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text.charCodeAt(i) === SPACE) i++;
  return i - start;
}

function tokenize(text: string, start: number, end: number): LineTokens {
  const indent = indentOf(text, start, end);
  let i = start + indent;
  if (i >= end) return { indent, kind: 'blank', dashes: [] };
  if (text.charCodeAt(i) === 35) return { indent, kind: 'comment', dashes: [] };
  if (indent === 0 && isMarker(text, start, end)) return { indent, kind: 'marker', dashes: [] };
  const dashes: number[] = [];
  while (i < end && text.charCodeAt(i) === 45 && (i + 1 === end || isBlank(text.charCodeAt(i + 1)))) {
    dashes.push(i - start);
    i++;
    while (i < end && isBlank(text.charCodeAt(i))) i++;
  }
  if (i >= end || text.charCodeAt(i) === 35) return { indent, kind: 'content', dashes };
  const key = readKey(text, i, end);
  if (!key) return { indent, kind: 'content', dashes, item: { col: i - start } };
  return { indent, kind: 'content', dashes, item: { col: i - start, key: key.name, value: valueKind(text, key.colon + 1, end) } };
}

/** A `key:` (plain or quoted) starting at `i`: its name and the offset of its colon. */
function readKey(text: string, i: number, end: number): { name: string; colon: number } | undefined {
  const first = text[i];
  if (first === undefined || '{[&*!|>%@`?#,]}'.includes(first)) return undefined;
  if (first === '"' || first === "'") {
    let j = i + 1;
    while (j < end) {
      const c = text[j];
      if (first === '"' && c === '\\') { j += 2; continue; }
      if (c === first) {
        if (first === "'" && text[j + 1] === "'") { j += 2; continue; }
        break;
      }
      j++;
    }
    if (j >= end) return undefined;
    let k = j + 1;
    while (k < end && isBlank(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) !== 58 || !(k + 1 === end || isBlank(text.charCodeAt(k + 1)))) return undefined;
    return { name: unquote(text.slice(i, j + 1)), colon: k };
  }
  for (let j = i; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c === 58 && (j + 1 === end || isBlank(text.charCodeAt(j + 1)))) return { name: text.slice(i, j).trimEnd(), colon: j };
    if (c === 35 && isBlank(text.charCodeAt(j - 1))) return undefined;
  }
  return undefined;
}

function unquote(q: string): string {
  if (q.startsWith("'")) return q.slice(1, -1).replace(/''/g, "'");
  try { return JSON.parse(q) as string; } catch { return q.slice(1, -1); }
}

function valueKind(text: string, i: number, end: number): 'empty' | 'inline' | 'block-scalar' {
  for (;;) {
    while (i < end && isBlank(text.charCodeAt(i))) i++;
    const c = text[i];
    if (c === '&' || c === '!') { while (i < end && !isBlank(text.charCodeAt(i))) i++; continue; } // an anchor or tag before a block value
    break;
  }
  if (i >= end || text.charCodeAt(i) === 35) return 'empty';
  if (/^[|>][-+0-9]*[ \t]*(#.*)?$/.test(text.slice(i, end))) return 'block-scalar';
  return 'inline';
}

// ------------------------------------------------------------------------------------------------
// The path above a column, read upwards by indentation.

interface Scan {
  path: Step[];
  /** Set when the cursor starts a new list item (at the dashes' column): its index. */
  newItem?: number;
  unit: number;
  present: Set<string>;
}

type State =
  | { mode: 'map'; col: number }
  | { mode: 'seq'; col: number; count: number; newItem: boolean };

type Token = { type: 'dash'; col: number } | { type: 'key'; col: number; name: string; value: 'empty' | 'inline' | 'block-scalar' } | { type: 'scalar'; col: number };

/**
 * Walks up from `line` to find what owns a map whose keys sit at `column` (the cursor line's own
 * `- ` indicators included). Returns undefined where no key can be written (inside a scalar, or
 * under a key that already has a value on its line).
 */
function ancestors(file: ParsedFile, firstLine: number, line: number, column: number, cursorDashes: number[]): Scan | undefined {
  const { text, lines } = file;
  const rev: Step[] = [];
  const present = new Set<string>();
  let unit = 0;
  let state: State = { mode: 'map', col: column };
  let collect = true;
  let newItem: number | undefined;

  /** Returns false when the structure rules out a key here. */
  const feed = (t: Token): boolean => {
    if (state.mode === 'map') {
      const k = state.col;
      if (t.col > k) return true;
      if (t.col === k) {
        if (t.type === 'key') { if (collect) present.add(t.name); return true; }
        if (t.type === 'dash') { state = { mode: 'seq', col: k, count: 1, newItem: true }; return true; }
        return true; // a stray scalar (a half-typed key) at this level
      }
      if (t.type === 'key') {
        if (t.value === 'block-scalar' || t.value === 'inline') return false;
        rev.push(t.name);
        if (!unit) unit = k - t.col;
        state = { mode: 'map', col: t.col };
        collect = false;
        return true;
      }
      if (t.type === 'dash') { state = { mode: 'seq', col: t.col, count: 1, newItem: false }; collect = false; return true; }
      return false;
    }
    const d = state.col;
    if (t.col > d) return true;
    if (t.type === 'dash') {
      if (t.col === d) { state.count++; return true; }
      pushIndex(state);
      state = { mode: 'seq', col: t.col, count: 1, newItem: false };
      return true;
    }
    if (t.type !== 'key' || t.value !== 'empty') return false;
    if (t.col === d && state.newItem) {
      // A list written at its key's own column (`key:` then `- a` below it): the cursor is back in
      // the key's map, next to that key.
      present.add(t.name);
      state = { mode: 'map', col: d };
      return true;
    }
    pushIndex(state);
    rev.push(t.name);
    state = { mode: 'map', col: t.col };
    collect = false;
    return true;
  };
  // `count` holds the `- ` lines seen at the list's column: with our own item among them, or not
  // (a new item at the column, which takes the next index).
  const pushIndex = (s: Extract<State, { mode: 'seq' }>) => {
    if (!s.newItem) rev.push(s.count - 1);
    else if (rev.length === 0 && newItem === undefined) newItem = s.count;
    else rev.push(s.count);
  };

  for (let j = cursorDashes.length - 1; j >= 0; j--) if (!feed({ type: 'dash', col: cursorDashes[j] })) return undefined;
  for (let l = line - 1; l >= firstLine; l--) {
    const start = lines.lineStart(l);
    // Lines deeper than what we look for cannot change anything: skip them after their indentation.
    if (indentOf(text, start, text.length) > state.col) continue;
    const t = tokenize(text, start, lineEnd(file, l));
    if (t.kind === 'marker') break;
    if (t.kind !== 'content') continue;
    if (t.item) {
      const tok: Token = t.item.key !== undefined ? { type: 'key', col: t.item.col, name: t.item.key, value: t.item.value! } : { type: 'scalar', col: t.item.col };
      if (!feed(tok)) return undefined;
    }
    for (let j = t.dashes.length - 1; j >= 0; j--) if (!feed({ type: 'dash', col: t.dashes[j] })) return undefined;
  }
  const final = state as State; // assigned inside feed(), which the compiler does not follow
  if (final.mode === 'seq') pushIndex(final);
  return { path: rev.reverse(), newItem, unit: unit || 2, present };
}

/** Keys at `column` below the cursor line, up to the end of the cursor's map. */
function siblingsBelow(file: ParsedFile, line: number, column: number, doc: YamlDoc | undefined): string[] {
  const { text, lines } = file;
  const out: string[] = [];
  const last = doc ? lines.position(doc.end).line : lines.lineCount - 1;
  for (let l = line + 1; l <= last && l < lines.lineCount; l++) {
    const start = lines.lineStart(l);
    const indent = indentOf(text, start, text.length);
    if (indent > column) continue;
    const t = tokenize(text, start, lineEnd(file, l));
    if (t.kind === 'marker') break;
    if (t.kind !== 'content') continue;
    const first = t.dashes.length ? t.dashes[0] : t.item?.col ?? indent;
    if (first < column) break;
    if (t.dashes.length === 0 && t.item?.col === column && t.item.key !== undefined) out.push(t.item.key);
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// Flow context: the parsed nodes say the cursor is inside `{…}` or `[…]`.

/** null: not in a flow collection; undefined: in one, at a place with nothing to offer. */
function flowContext(file: ParsedFile, doc: YamlDoc, cursor: number, line: number): CursorContext | undefined | null {
  const { text } = file;
  const lineStart = file.lines.lineStart(line);
  const hit = nodeAt(doc.doc, cursor);
  if (!hit || !hit.flows.length) return null;
  let flow: { node: Node; path: Step[] } | undefined;
  for (const f of hit.flows) if (insideFlow(file, f.node, cursor, line)) flow = f;
  if (!flow) return null;
  const open = flow.node.range![0];
  // The current entry starts after the last `,` (or the opener) at this nesting level.
  let depth = 0;
  let quote = 0;
  let entryStart = open + 1;
  let commas = 0;
  let colon = -1;
  for (let i = open + 1; i < cursor; i++) {
    const c = text.charCodeAt(i);
    if (quote) { if (c === quote) quote = 0; continue; }
    if (c === 34 || c === 39) quote = c;
    else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) depth--;
    else if (depth === 0 && c === 44) { entryStart = i + 1; commas++; colon = -1; }
    else if (depth === 0 && c === 58 && colon < 0 && (i + 1 >= text.length || /[\s,\]}]/.test(text[i + 1]) || i + 1 === cursor)) colon = i;
  }
  const eol = lineEnd(file, line);
  const isMapFlow = isMap(flow.node);
  const wordAround = (from: number): [number, number] => {
    let s = from;
    while (s < cursor && /\s/.test(text[s])) s++;
    let e = cursor;
    while (e < eol && isKeyChar(text.charCodeAt(e))) e++;
    return [Math.max(s, lineStart), e];
  };
  const base = {
    doc, offset: cursor, flow: true, itemIndex: 0, column: 0, indentUnit: 2, hasColon: false, afterDash: false,
  };
  if (isMapFlow && colon < 0) {
    const [s, e] = wordAround(entryStart);
    const prefix = text.slice(s, cursor);
    if (!KEY_PREFIX.test(prefix)) return undefined;
    let j = e;
    while (j < eol && isBlank(text.charCodeAt(j))) j++;
    return {
      ...base, kind: 'key', path: flow.path, replace: [s, e], prefix, needsSpace: false,
      hasColon: text.charCodeAt(j) === 58,
      present: mapKeys(doc.doc, flow.node, [s, e]),
    };
  }
  const valueFrom = isMapFlow ? colon + 1 : entryStart;
  let [s, e] = wordAround(valueFrom);
  if (text[s] === '"' || text[s] === "'") { s++; while (e < eol && text[e] !== text[s - 1]) e++; }
  const rawKey = isMapFlow ? text.slice(entryStart, colon).trim() : '';
  const path = isMapFlow ? [...flow.path, /^["']/.test(rawKey) ? unquote(rawKey) : rawKey] : [...flow.path, commas];
  return {
    ...base, kind: 'value', path, replace: [s, e], prefix: text.slice(s, cursor),
    needsSpace: isMapFlow && colon + 1 === cursor, hasColon: true, present: new Set(),
  };
}

/**
 * After the opener and before the closer (an unclosed one runs on over blank text); on a later
 * line, only when that line is indented past the line the collection opens on.
 */
function insideFlow(file: ParsedFile, node: Node, cursor: number, line: number): boolean {
  const { text, lines } = file;
  const [start, end] = node.range!;
  if (cursor <= start) return false;
  const closer = isSeq(node) ? ']' : '}';
  let last = end;
  while (last > start && /\s/.test(text[last - 1])) last--;
  if (text[last - 1] === closer && last - 1 !== start) { if (cursor >= last) return false; }
  else if (cursor > last && !/^\s*$/.test(text.slice(last, cursor))) return false; // unclosed: only blanks typed since
  const openLine = lines.position(start).line;
  if (openLine === line) return true;
  return indentOf(text, lines.lineStart(line), text.length) > indentOf(text, lines.lineStart(openLine), text.length);
}
