// Incremental re-parse: an edit inside one block item (a map entry or list item that starts its own
// line) re-parses that item's lines alone and splices the new nodes into a copy of the old tree.
// The result is the ParsedFile parseFile(newText) would give: the same nodes, values and ranges.
// Anything not plainly safe falls back to the full parse. The previous ParsedFile is never written:
// the nodes on the path to the item are copied, those after it copied with shifted ranges.
//
// Why re-parsing an item alone reads it as the full parse does: the item starts its line at column
// N, every other line of its slice is blank or indented at least N, and the slice runs up to the
// next item's line (or the end of its parent). Parsed as a document of its own, such lines form a
// block collection at column N exactly as they do in place; whatever would read differently in
// place (a line that closes the parent, comments, anchors and aliases that reach across the
// document, tags, flow collections, block scalars, tabs, document markers) is refused.
import YAML, { isMap, isPair, isScalar, type Node } from 'yaml';
import { LineIndex } from './lineIndex.ts';
import type { Limits } from './limits.ts';
import { duplicateKeys, identify, mapDuplicates, parseFile, PARSE_OPTIONS, type ParsedFile, type SyntaxProblem, type YamlDoc } from './parse.ts';
import {
  adoptFresh, copyCollection, copyDocument, copyNode, copyPair, isBlockCollection, isPlainDocument, plainDocuments, shifted, shiftedDocument,
  type Collection, type Item,
} from './treeCopies.ts';

/** A replacement of [start, end) of the previous text by `text`. */
export interface TextEdit { start: number; end: number; text: string }

export interface ReparseOptions {
  /** Files with fewer lines are parsed whole: cheap, and the simplest path. */
  minLines?: number;
}

const DEFAULT_MIN_LINES = 0;


/** parseFile(newText), re-parsing only the edited block when that is provably the same. */
export function reparse(previous: ParsedFile, newText: string, limits: Limits, edits?: readonly TextEdit[], options?: ReparseOptions): ParsedFile {
  const r = tryReparse(previous, newText, limits, edits, options);
  return typeof r === 'string' ? parseFile(newText, limits) : r;
}

/** The incrementally parsed file, or why the whole text must be parsed (for tests and tracing). */
export function tryReparse(previous: ParsedFile, newText: string, limits: Limits, edits?: readonly TextEdit[], options?: ReparseOptions): ParsedFile | string {
  const oldText = previous.text;
  if (previous.tooLarge || newText.length > limits.maxFileSize) return 'size limit';
  if (previous.lines.lineCount < (options?.minLines ?? DEFAULT_MIN_LINES)) return 'small file';
  if (oldText === newText) return previous;
  if (!previous.documents.length) return 'no documents';
  const region = changedRegion(oldText, newText, edits);
  const delta = newText.length - oldText.length;

  // The document holding the edit.
  const k = previous.documents.findIndex((d) => region.start < d.end || (region.start === d.end && d === previous.documents[previous.documents.length - 1]));
  if (k < 0) return 'edit after the documents';
  const ydoc = previous.documents[k];
  const doc = ydoc.doc;
  const root = doc.contents;
  if (region.oldEnd > ydoc.end) return 'edit across documents';
  if (!isBlockCollection(root)) return 'document root is not a block collection';
  if (doc.errors.length || doc.warnings.length) return 'document has syntax problems';
  if (!isPlainDocument(doc)) return 'document has anchors, aliases, tags or merge keys';
  if (!doc.range) return 'document without a range';

  const target = findItem(oldText, root, doc.range[2], region);
  if (typeof target === 'string') return target;
  const { path, container, index, sliceStart: S, sliceEnd: E, column: N } = target;
  const newE = E + delta;

  // The old slice: no comment that could belong to a node outside it, and its trailing blank lines
  // (they make the next node's spaceBefore) must stay as they are.
  const oldLines = scanSlice(oldText, S, E, N);
  if (typeof oldLines === 'string') return `old slice: ${oldLines}`;
  const newLines = scanSlice(newText, S, newE, N);
  if (typeof newLines === 'string') return `new slice: ${newLines}`;
  if (oldLines.trailingBlank !== newLines.trailingBlank) return 'blank lines after the item changed';
  if (newE < newText.length && newText.charCodeAt(newE - 1) !== 10) return 'the slice no longer ends a line';
  if (commentBefore(oldText, S)) return 'a comment line before the item';

  // A value typed inside a one-line scalar needs no parser; else parse the item's lines alone.
  const items = scalarEdit(container.items[index] as Item, region, newText) ?? parseItem(newText, S, newE, N, container, doc.schema);
  if (typeof items === 'string') return items;

  // Blank lines before the item set spaceBefore on its first node; they were not in the slice.
  const oldLead = leadNode(container, container.items[index] as Item);
  const newLead = leadNode(container, items[0]);
  if (!oldLead || !newLead) return 'an item without a node';
  if (oldLead.spaceBefore) {
    if (oldLead.constructor !== newLead.constructor) return 'spaceBefore would move';
    newLead.spaceBefore = true;
  }

  const oldLastEnd = itemEnd(container.items[index] as Item);
  const newLastEnd = itemEnd(items[items.length - 1]);
  if (oldLastEnd === undefined || newLastEnd === undefined) return 'an item without a range';
  const itemStart = S + N;
  // Where an ancestor's offset goes: before the item, unchanged; at the old item's end, the new
  // item's end; after the slice, shifted. Nothing else can sit inside the slice.
  let failed = false;
  const moveOffset = (x: number): number => {
    if (x === oldLastEnd) return newLastEnd;
    if (x <= itemStart) return x;
    if (x >= E) return x + delta;
    failed = true;
    return x;
  };
  const moveRange = (r: [number, number, number]): [number, number, number] => [moveOffset(r[0]), moveOffset(r[1]), moveOffset(r[2])];
  const tail = (list: Item[], from: number) => (delta === 0 ? list.slice(from) : list.slice(from).map((it) => shifted(it, delta)));

  // Copy on write, from the item's collection up to the root.
  const newContainer = copyCollection(container, [...(container.items as Item[]).slice(0, index), ...items, ...tail(container.items as Item[], index + 1)], moveRange(container.range!));
  let child: Collection = newContainer;
  for (let level = path.length - 1; level >= 0; level--) {
    const { container: parent, index: at } = path[level];
    const old = parent.items[at] as Item;
    const replaced = isPair(old) ? copyPair(old, old.key, child) : child;
    const list = parent.items as Item[];
    child = copyCollection(parent, [...list.slice(0, at), replaced, ...tail(list, at + 1)], moveRange(parent.range!));
  }
  const newDoc = copyDocument(doc, child, moveRange(doc.range));
  if (failed) return 'an ancestor ends inside the slice';
  plainDocuments.add(newDoc);

  // The document's problems are only duplicate keys (it had no syntax problem): keep those outside
  // the slice and outside the item's own map, and find the others again.
  const ownKeys = new Set<number>();
  if (isMap(container)) for (const p of container.items) { const r = (p.key as Node | null)?.range; if (r) ownKeys.add(r[0]); }
  const problems: SyntaxProblem[] = [];
  for (const p of ydoc.problems) {
    if ((p.start >= S && p.start < E) || ownKeys.has(p.start)) continue;
    problems.push(p.start >= E ? moveProblem(p, delta) : p);
  }
  if (isMap(newContainer)) mapDuplicates(newContainer, newText, problems);
  for (const it of items) problems.push(...duplicateKeys(isPair(it) ? it.value : it, newText));
  problems.sort((a, b) => a.start - b.start);

  const documents: YamlDoc[] = previous.documents.slice(0, k);
  documents.push({ index: k, doc: newDoc, start: ydoc.start, end: newDoc.range?.[2] ?? newText.length, ...identify(newDoc), problems });
  for (let j = k + 1; j < previous.documents.length; j++) {
    const d = previous.documents[j];
    if (delta === 0) { documents.push(d); continue; }
    const moved = shiftedDocument(d.doc, delta);
    if (plainDocuments.has(d.doc)) plainDocuments.add(moved);
    // Every offset of a later document moves alike, its problems' too (their clamp to the text's end included);
    // a document starts where the one before ends, which the edit may have moved by other than delta
    // (a value deleted up to a trailing space).
    const start = j === k + 1 ? documents[k].end : d.start + delta;
    documents.push({ ...d, doc: moved, start, end: d.end + delta, problems: d.problems.map((p) => moveProblem(p, delta)) });
  }
  const lines = LineIndex.edited(previous.lines, newText, region.start, region.oldEnd, region.newEnd);
  return { text: newText, lines, documents };
}

/** How many times an item's lines were parsed (tests read it to see the parser-free path taken). */
let itemParses = 0;
export const itemParseCount = (): number => itemParses;

/** The item's lines parsed as a document of their own, as items of the item's collection. */
function parseItem(newText: string, S: number, newE: number, N: number, container: Collection, schema: unknown): Item[] | string {
  itemParses++;
  const parsed = YAML.parseAllDocuments(newText.slice(S, newE), PARSE_OPTIONS);
  if (!Array.isArray(parsed) || parsed.length !== 1) return 'the slice is not one document';
  const sliceDoc = parsed[0];
  if (sliceDoc.errors.length || sliceDoc.warnings.length) return 'the slice has syntax problems';
  const fresh = sliceDoc.contents;
  if (!isBlockCollection(fresh) || fresh.constructor !== container.constructor) return 'the slice is not the same kind of collection';
  if (!fresh.range || fresh.range[0] !== N || !fresh.items.length) return 'the slice does not start at the item';
  // Its offsets are relative to S.
  if (!adoptFresh(fresh, S, schema)) return 'the slice has anchors, aliases, tags, flow collections, block scalars or odd keys';
  return fresh.items as Item[];
}

/** Plain words YAML 1.1 reads as booleans or null (any case: a few strings take the parser, never the reverse). */
const NOT_STRINGS = new Set(['y', 'yes', 'true', 'on', 'n', 'no', 'false', 'off', 'null']);
/** A plain scalar that can only be a string: starts with a letter, `_` or `/`, no indicator inside. */
const PLAIN_STRING = /^[A-Za-z_/][A-Za-z0-9_./-]*$/;
/** The inside of a one-line quoted scalar whose value is its text as written. */
const QUOTED_TEXT = { QUOTE_DOUBLE: /^[^"\\\x00-\x1f\x7f\x85\u2028\u2029]*$/, QUOTE_SINGLE: /^[^'\x00-\x1f\x7f\x85\u2028\u2029]*$/ } as const;

/**
 * The item with its string value rewritten, when the edit stays inside a one-line quoted or plain
 * string value and the result is a string written the same way: what the parser would give,
 * without running it (the common case of typing a value). Undefined otherwise.
 */
function scalarEdit(item: Item, region: Region, newText: string): Item[] | undefined {
  if (!isPair(item) || !isScalar(item.value) || typeof item.value.value !== 'string' || item.value.tag) return undefined;
  const old = item.value;
  const r = old.range;
  if (!r || region.newEnd < region.start) return undefined;
  const delta = region.newEnd - region.oldEnd;
  let start: number;
  let end: number;
  let valid: (text: string) => boolean;
  if (old.type === 'QUOTE_DOUBLE' || old.type === 'QUOTE_SINGLE') {
    // Inside the quotes: after the opening one, before the closing one.
    if (region.start < r[0] + 1 || region.oldEnd > r[1] - 1) return undefined;
    start = r[0] + 1;
    end = r[1] - 1 + delta;
    const re = QUOTED_TEXT[old.type];
    valid = (text) => re.test(text);
  } else if (old.type === 'PLAIN') {
    if (region.start < r[0] || region.oldEnd > r[1]) return undefined;
    start = r[0];
    end = r[1] + delta;
    valid = (text) => PLAIN_STRING.test(text) && !NOT_STRINGS.has(text.toLowerCase());
  } else return undefined;
  if (end < start) return undefined;
  const text = newText.slice(start, end);
  if (!valid(text)) return undefined;
  const value = copyNode(old);
  value.value = text;
  value.source = text;
  value.range = [r[0], r[1] + delta, r[2] + delta];
  return [copyPair(item, item.key, value)];
}

const moveProblem = (p: SyntaxProblem, delta: number): SyntaxProblem => ({ ...p, start: p.start + delta, end: p.end + delta });

// ------------------------------------------------------------------------------------------------
// The changed region.

interface Region { start: number; oldEnd: number; newEnd: number }

/**
 * The span that differs: from the edits when they describe the change (checked against the texts),
 * else by the common prefix and suffix of the two texts, which any client's change gives.
 */
function changedRegion(oldText: string, newText: string, edits?: readonly TextEdit[]): Region {
  if (edits?.length) {
    let start = Infinity;
    let end = -Infinity;
    let delta = 0;
    for (const e of edits) { start = Math.min(start, e.start); end = Math.max(end, e.end); delta += e.text.length - (e.end - e.start); }
    const ok = start >= 0 && end <= oldText.length && start <= end && newText.length === oldText.length + delta
      && oldText.slice(0, start) === newText.slice(0, start) && oldText.slice(end) === newText.slice(end + delta);
    if (ok) return { start, oldEnd: end, newEnd: end + delta };
  }
  const max = Math.min(oldText.length, newText.length);
  let p = 0;
  const CHUNK = 512;
  while (p + CHUNK <= max && oldText.slice(p, p + CHUNK) === newText.slice(p, p + CHUNK)) p += CHUNK;
  while (p < max && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
  let q = 0;
  const room = max - p;
  let a = oldText.length;
  let b = newText.length;
  while (q + CHUNK <= room && oldText.slice(a - CHUNK, a) === newText.slice(b - CHUNK, b)) { q += CHUNK; a -= CHUNK; b -= CHUNK; }
  while (q < room && oldText.charCodeAt(a - 1) === newText.charCodeAt(b - 1)) { q++; a--; b--; }
  return { start: p, oldEnd: oldText.length - q, newEnd: newText.length - q };
}

// ------------------------------------------------------------------------------------------------
// The item to re-parse.

interface Target {
  /** The collections above the item's own, with the index taken in each. */
  path: Array<{ container: Collection; index: number }>;
  container: Collection;
  index: number;
  /** The item's lines: from its first line's start to the next item's line (or its parent's end). */
  sliceStart: number;
  sliceEnd: number;
  /** The column of the item's first token (its key, or its `-`). */
  column: number;
}

/** The innermost block item that starts its own line and whose lines hold the whole region. */
function findItem(text: string, root: Collection, end: number, region: Region): Target | string {
  let best: Target | undefined;
  const path: Target['path'] = [];
  let container: Collection = root;
  let boundary = end;
  for (;;) {
    const items = container.items as Item[];
    const i = lastItemStartingAtOrBefore(text, container, items, region.start);
    if (i === undefined) break;
    const token = itemToken(text, container, items[i])!;
    const lineStart = lineStartOf(text, token);
    const next = i + 1 < items.length ? itemToken(text, container, items[i + 1]) : undefined;
    if (i + 1 < items.length && next === undefined) break;
    const sliceEnd = next === undefined ? boundary : lineStartOf(text, next);
    if (region.start < lineStart || region.oldEnd > sliceEnd) break;
    if (startsLine(text, lineStart, token)) best = { path: [...path], container, index: i, sliceStart: lineStart, sliceEnd, column: token - lineStart };
    const item = items[i];
    const inner = isPair(item) ? item.value : item;
    if (!isBlockCollection(inner)) break;
    path.push({ container, index: i });
    container = inner;
    boundary = sliceEnd;
  }
  return best ?? 'no block item holds the edit';
}

/** The last item whose line starts at or before `offset`; undefined when none, or a token cannot be found. Items are in source order. */
function lastItemStartingAtOrBefore(text: string, container: Collection, items: Item[], offset: number): number | undefined {
  let lo = 0;
  let hi = items.length - 1;
  let best: number | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const token = itemToken(text, container, items[mid]);
    if (token === undefined) return undefined;
    // By line: an edit in an item's indentation (a line inserted before it) belongs to that item.
    const s = lineStartOf(text, token);
    if (s <= offset) { best = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return best;
}

/** Where an item's first token is: a pair's key, or a list item's `-`. */
function itemToken(text: string, container: Collection, item: Item): number | undefined {
  if (isMap(container)) {
    const key = isPair(item) ? item.key : undefined;
    return isScalar(key) && key.range ? key.range[0] : undefined;
  }
  const node = item as Node | null;
  if (!node?.range) return undefined;
  let i = node.range[0];
  while (i > 0 && text.charCodeAt(i - 1) === 32) i--;
  return text.charCodeAt(i - 1) === 45 ? i - 1 : undefined;
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}

function startsLine(text: string, lineStart: number, token: number): boolean {
  for (let i = lineStart; i < token; i++) if (text.charCodeAt(i) !== 32) return false;
  return true;
}

/** The slice's lines: only blank lines or lines at column ≥ N, the first at N exactly. */
function scanSlice(text: string, start: number, end: number, column: number): { trailingBlank: boolean } | string {
  if (end > text.length || start >= end) return 'empty';
  let first = true;
  let trailingBlank = false;
  let i = start;
  while (i < end) {
    let indent = 0;
    while (i < end && text.charCodeAt(i) === 32) { i++; indent++; }
    const contentStart = i;
    let blank = true;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) break;
      if (c === 13) { if (text.charCodeAt(i + 1) !== 10) return 'a lone carriage return'; continue; }
      if (c === 9) return 'a tab';
      if (c === 35) return 'a comment';
      blank = false;
    }
    i++; // past the line break
    if (first) {
      if (blank || indent !== column) return 'the first line moved';
      first = false;
      continue;
    }
    trailingBlank = blank;
    if (blank) continue;
    if (indent < column) return 'a line closes the parent';
    if (indent === 0) {
      const three = text.slice(contentStart, contentStart + 3);
      if (three === '---' || three === '...') return 'a document marker';
    }
  }
  return { trailingBlank };
}

/** Whether the last non-blank line before `start` holds a comment (it may belong to the item). */
function commentBefore(text: string, start: number): boolean {
  let end = start;
  while (end > 0) {
    const lineStart = lineStartOf(text, end - 1);
    const line = text.slice(lineStart, end);
    if (line.trim() !== '') return line.includes('#');
    end = lineStart;
  }
  return false;
}

// ------------------------------------------------------------------------------------------------
// Nodes.


/** The node that takes spaceBefore for an item: a pair's key, or the list item itself. */
function leadNode(container: Collection, item: Item): Node | undefined {
  if (isMap(container)) return isPair(item) && isScalar(item.key) ? item.key : undefined;
  return (item as Node | null) ?? undefined;
}

function itemEnd(item: Item): number | undefined {
  if (isPair(item)) return ((item.value as Node | null)?.range ?? (item.key as Node | null)?.range)?.[2];
  return (item as Node | null)?.range?.[2];
}
