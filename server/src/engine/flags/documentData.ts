// A YAML document as the data istioctl reads from it (sigs.k8s.io/yaml: YAML → JSON): maps with
// string keys, merge keys applied (own keys win), aliases followed, timestamps kept as their text
// (yaml.v2 gives interface{} targets the string), in document order.
import { isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import { isMergeKey, mergeSources, unalias } from '../parse/nodePath.ts';
import { keyName } from '../parse/yamlNodes.ts';
import { put, type Json, type JsonObject } from './jsonTree.ts';

export class DataLimitError extends Error {}

/** The data of `node` (the document's root when omitted); throws DataLimitError past the alias budget or depth. */
export function documentData(doc: Document, node: unknown = doc.contents, limits = { aliases: 1000, depth: 200 }): Json {
  let aliases = 0;
  const follow = (n: unknown): unknown => {
    const target = unalias(doc, n);
    if (target !== n && ++aliases > limits.aliases) throw new DataLimitError(`more than ${limits.aliases} alias expansions`);
    return target;
  };
  const walk = (raw: unknown, depth: number): Json => {
    if (depth > limits.depth) throw new DataLimitError(`nested deeper than ${limits.depth} levels`);
    const n = follow(raw);
    if (isMap(n)) {
      const out: JsonObject = {};
      const items = n.items as Pair[];
      const own = new Set(items.filter((p) => !isMergeKey(p)).map(keyName));
      for (const p of items) {
        if (isMergeKey(p)) {
          for (const source of mergeSources(doc, [p])) {
            const merged = walk(source, depth + 1) as JsonObject;
            for (const [k, v] of Object.entries(merged)) if (!own.has(k) && !Object.hasOwn(out, k)) put(out, k, v);
          }
          continue;
        }
        const k = keyName(p);
        if (k !== undefined) put(out, k, walk(p.value, depth + 1));
      }
      return out;
    }
    if (isSeq(n)) return n.items.map((it) => walk(it, depth + 1));
    if (isScalar(n)) return scalarData(n as Node & { value: unknown; source?: string });
    return null;
  };
  return walk(node, 0);
}

function scalarData(n: { value: unknown; source?: string }): Json {
  const v = n.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return n.source ?? v.toISOString();
  return n.source ?? String(v);
}
