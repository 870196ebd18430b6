// Finds YAML nodes by document path or by offset with a direct descent (never a whole-document walk),
// following aliases and merge keys a bounded number of times.
import type { Document, Node, Pair } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq, keyName, type Step } from './yamlNodes.ts';

/** Alias hops and merge-key levels followed by one lookup: enough for real files, bounded for hostile ones. */
const MAX_ALIAS_HOPS = 8;
const MAX_MERGE_DEPTH = 4;

/** The node an alias names (itself when it is not an alias); undefined when it names nothing. */
export function unalias(doc: Document, node: unknown): unknown {
  let n = node;
  for (let i = 0; i < MAX_ALIAS_HOPS && isAlias(n); i++) n = n.resolve(doc);
  return isAlias(n) ? undefined : n;
}

/** The node at a document path (`['spec', 'components', 'ingressGateways', 0]`), aliases followed. */
export function nodeAtPath(doc: Document, path: readonly Step[]): unknown {
  let node = unalias(doc, doc.contents);
  for (const step of path) {
    if (typeof step === 'number') {
      node = isSeq(node) ? unalias(doc, node.items[step]) : undefined;
    } else {
      const pair = isMap(node) ? findPair(doc, node.items as Pair[], step, 0) : undefined;
      node = pair ? unalias(doc, pair.value) : undefined;
    }
    if (node === undefined || node === null) return node;
  }
  return node;
}

function findPair(doc: Document, items: Pair[], key: string, depth: number): Pair | undefined {
  for (const p of items) if (isPair(p) && keyName(p) === key) return p;
  if (depth >= MAX_MERGE_DEPTH) return undefined;
  for (const source of mergeSources(doc, items)) {
    const found = findPair(doc, source.items as Pair[], key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** A `<<` merge key (the parser gives it a symbol as its value). */
export function isMergeKey(pair: Pair): boolean {
  const k = pair.key;
  return isScalar(k) && (k.value === '<<' || (typeof k.value === 'symbol' && k.source === '<<'));
}

/** The maps a `<<: *base` (or `<<: [*a, *b]`) key merges into a map. */
export function mergeSources(doc: Document, items: Pair[]): Array<{ items: unknown[] }> {
  const out: Array<{ items: unknown[] }> = [];
  for (const p of items) {
    if (!isPair(p) || !isMergeKey(p)) continue;
    const v = unalias(doc, p.value);
    if (isMap(v)) out.push(v);
    else if (isSeq(v)) for (const it of v.items) { const m = unalias(doc, it); if (isMap(m)) out.push(m); }
  }
  return out;
}

/** The keys of a map, merged keys included; pairs whose key starts inside `skip` are left out. */
export function mapKeys(doc: Document, map: unknown, skip?: [number, number], depth = 0): Set<string> {
  const out = new Set<string>();
  if (!isMap(map)) return out;
  const items = map.items as Pair[];
  for (const p of items) {
    if (!isPair(p) || isMergeKey(p)) continue;
    const k = keyName(p);
    if (k === undefined) continue;
    const start = (p.key as Node | null)?.range?.[0];
    if (skip && start !== undefined && start >= skip[0] && start <= skip[1]) continue;
    out.add(k);
  }
  if (depth < MAX_MERGE_DEPTH) for (const source of mergeSources(doc, items)) for (const k of mapKeys(doc, source, undefined, depth + 1)) out.add(k);
  return out;
}

/** What lies under an offset: the path of the innermost node, and whether it is a key or a value. */
export interface NodeHit {
  path: Step[];
  /** `key`: on a map key; `value`: on a scalar or alias value; `inside`: in a collection, between its children. */
  on: 'key' | 'value' | 'inside';
  /** The key scalar (on: key), the value (on: value) or the collection (on: inside). */
  node: Node;
  /** Flow collections (`{…}`, `[…]`) from the outside in, with their paths. */
  flows: Array<{ node: Node; path: Step[] }>;
}

/** Descends from the document root to the innermost node whose text holds `offset`. */
export function nodeAt(doc: Document, offset: number, maxDepth = 200): NodeHit | undefined {
  let node = doc.contents as Node | null;
  if (!node || !within(node, offset)) return undefined;
  const path: Step[] = [];
  const flows: NodeHit['flows'] = [];
  for (let depth = 0; depth < maxDepth; depth++) {
    if (isMap(node) || isSeq(node)) {
      if ((node as { flow?: boolean }).flow) flows.push({ node, path: [...path] });
      const items = node.items as unknown[];
      const i = lastItemStartingAtOrBefore(items, offset);
      const item = i >= 0 ? items[i] : undefined;
      if (isPair(item)) {
        const key = item.key as Node | null;
        const value = item.value as Node | null;
        if (key?.range && offset >= key.range[0] && offset <= key.range[1] && isScalar(key)) {
          const k = keyName(item);
          return k === undefined ? undefined : { path: [...path, k], on: 'key', node: key, flows };
        }
        if (value && within(value, offset)) {
          const k = keyName(item);
          if (k === undefined) return undefined;
          path.push(k);
          node = value;
          continue;
        }
      } else if (item && within(item as Node, offset)) {
        path.push(i);
        node = item as Node;
        continue;
      }
      return { path, on: 'inside', node, flows };
    }
    return { path, on: 'value', node, flows };
  }
  return undefined;
}

function within(node: Node, offset: number): boolean {
  const r = node.range;
  return !!r && offset >= r[0] && offset <= r[1];
}

function itemStart(item: unknown): number | undefined {
  if (isPair(item)) return (item.key as Node | null)?.range?.[0] ?? (item.value as Node | null)?.range?.[0];
  return (item as Node | null)?.range?.[0];
}

/** Items are in source order; a binary search keeps long lists (thousands of gateways) cheap. */
function lastItemStartingAtOrBefore(items: unknown[], offset: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = itemStart(items[mid]);
    if (s === undefined) return linearSearch(items, offset);
    if (s <= offset) { best = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return best;
}

function linearSearch(items: unknown[], offset: number): number {
  let best = -1;
  items.forEach((it, i) => { const s = itemStart(it); if (s !== undefined && s <= offset) best = i; });
  return best;
}

/** Where a node's text really ends: node ranges run on over the blank lines after a block. */
export function contentEnd(text: string, start: number, end: number): number {
  let e = Math.min(end, text.length);
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}
