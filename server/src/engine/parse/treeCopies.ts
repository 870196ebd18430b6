// The copies an incremental re-parse (incremental.ts) splices into: nodes copied with their own
// properties (class, hidden type tag, schema), subtrees and later documents with every range moved,
// and the test of whether a document is plain enough (no anchors, aliases, tags, merge keys) for it.
import YAML, { Alias, isAlias, isMap, isPair, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { recordMove } from './nodeOrigins.ts';
import { isMergeKey } from './nodePath.ts';

export type Collection = YAMLMap | YAMLSeq;
export type Item = Pair | Node | null;

export function isBlockCollection(node: unknown): node is Collection {
  return (isMap(node) || isSeq(node)) && !node.flow;
}

/**
 * Documents known to hold no anchor, alias, explicit tag, merge key, flow collection key or
 * non-scalar key: edits inside them cannot reach across the document.
 */
export const plainDocuments = new WeakSet<YAML.Document>();

export function isPlainDocument(doc: YAML.Document.Parsed): boolean {
  if (plainDocuments.has(doc)) return true;
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (!plainNode(node)) return false;
    if (isMap(node)) for (const p of node.items) { if (!plainKey(p)) return false; stack.push(p.value); }
    else if (isSeq(node)) for (const it of node.items) stack.push(it);
  }
  plainDocuments.add(doc);
  return true;
}

function plainNode(node: unknown): boolean {
  if (node === null || node === undefined) return true;
  if (isAlias(node)) return false;
  const n = node as Node;
  return n.anchor === undefined && n.tag === undefined;
}

function plainKey(p: Pair): boolean {
  return isScalar(p.key) && plainNode(p.key) && !isMergeKey(p) && typeof p.key.value !== 'symbol';
}

/**
 * Checks the freshly parsed slice (no anchors, aliases, tags, merge keys, flow collections, block
 * scalars) and moves it into place: ranges by `offset`, collections onto the document's schema.
 */
export function adoptFresh(root: Collection, offset: number, schema: unknown): boolean {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (node === null || node === undefined) continue;
    if (!plainNode(node)) return false;
    const n = node as Node;
    if (!n.range) return false;
    n.range = [n.range[0] + offset, n.range[1] + offset, n.range[2] + offset];
    if (isScalar(n)) {
      if (n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED') return false;
      continue;
    }
    if (!isBlockCollection(n)) return false;
    (n as { schema?: unknown }).schema = schema;
    if (isMap(n)) {
      for (const p of n.items) {
        if (!plainKey(p)) return false;
        stack.push(p.key, p.value);
      }
    } else for (const it of n.items) stack.push(it);
  }
  return true;
}

/** A copy of a node's own properties (class, hidden type tag and schema included), items shared. */
export function copyNode<T extends object>(node: T): T {
  const c = node.constructor;
  let copy: Record<string, unknown>;
  if (c === Scalar) copy = new Scalar((node as unknown as Scalar).value) as unknown as Record<string, unknown>;
  else if (c === YAMLMap) copy = new YAMLMap((node as unknown as YAMLMap).schema) as unknown as Record<string, unknown>;
  else if (c === YAMLSeq) copy = new YAMLSeq((node as unknown as YAMLSeq).schema) as unknown as Record<string, unknown>;
  else if (c === Pair) copy = new Pair(null) as unknown as Record<string, unknown>;
  else if (c === Alias) copy = new Alias((node as unknown as Alias).source) as unknown as Record<string, unknown>;
  else return Object.create(Object.getPrototypeOf(node), Object.getOwnPropertyDescriptors(node)) as T;
  const own = node as unknown as Record<string, unknown>;
  for (const key of Object.keys(own)) copy[key] = own[key];
  return copy as unknown as T;
}

export function copyCollection(node: Collection, items: Item[], range: [number, number, number]): Collection {
  const copy = copyNode(node);
  copy.items = items as never;
  copy.range = range;
  return copy;
}

export function copyPair(pair: Pair, key: unknown, value: unknown): Pair {
  const copy = copyNode(pair);
  copy.key = key;
  copy.value = value;
  return copy;
}

export function copyDocument(doc: YAML.Document.Parsed, contents: Collection, range: [number, number, number]): YAML.Document.Parsed {
  const copy = Object.create(Object.getPrototypeOf(doc), Object.getOwnPropertyDescriptors(doc)) as YAML.Document.Parsed;
  copy.contents = contents as never;
  copy.range = range;
  copy.errors = [];
  copy.warnings = [];
  return copy;
}

/** A copy of a subtree with every range moved by `delta`; the old one is left as it was. */
export function shifted<T>(node: T, delta: number): T {
  if (node === null || node === undefined || typeof node !== 'object') return node;
  if (isPair(node)) return copyPair(node, shifted(node.key, delta), shifted(node.value, delta)) as T;
  const copy = copyNode(node as unknown as Node);
  const r = (node as unknown as Node).range;
  if (r) copy.range = [r[0] + delta, r[1] + delta, r[2] + delta];
  if (isMap(copy) || isSeq(copy)) {
    copy.items = (copy.items as unknown[]).map((it) => shifted(it, delta)) as never;
    recordMove(copy, node as unknown as Node, delta);
  }
  return copy as unknown as T;
}

/** A later document, every offset moved by `delta` (its errors included). */
export function shiftedDocument(doc: YAML.Document.Parsed, delta: number): YAML.Document.Parsed {
  const copy = Object.create(Object.getPrototypeOf(doc), Object.getOwnPropertyDescriptors(doc)) as YAML.Document.Parsed;
  copy.contents = shifted(doc.contents, delta);
  if (doc.range) copy.range = [doc.range[0] + delta, doc.range[1] + delta, doc.range[2] + delta];
  const move = <E extends YAML.YAMLError>(e: E): E => {
    const m = Object.create(Object.getPrototypeOf(e), Object.getOwnPropertyDescriptors(e)) as E;
    m.pos = [e.pos[0] + delta, e.pos[1] + delta];
    return m;
  };
  copy.errors = doc.errors.map(move);
  copy.warnings = doc.warnings.map(move);
  return copy;
}
