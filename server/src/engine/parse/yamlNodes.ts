// Small helpers over the `yaml` library's nodes.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';

export type Step = string | number;

/** The JSON type a YAML node stands for. */
export function jsonType(node: unknown): 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null' {
  if (node === null || node === undefined) return 'null';
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'boolean') return 'boolean';
    if (typeof v === 'number' || typeof v === 'bigint') return Number.isInteger(Number(v)) && !(typeof v === 'number' && !Number.isFinite(v)) ? 'integer' : 'number';
    return 'string'; // strings, and YAML 1.1 timestamps or binary, which JSON sees as strings
  }
  return 'null';
}

export function scalarText(node: unknown): string {
  if (!isScalar(node)) return '';
  const v = node.value;
  if (v instanceof Date) return node.source ?? v.toISOString();
  return String(v);
}

/** [start, end) of a node's own text (not the trailing comment). */
export function nodeSpan(node: Node | null | undefined, fallback: [number, number]): [number, number] {
  const r = node?.range;
  return r ? [r[0], Math.max(r[1], r[0])] : fallback;
}

export function keyName(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return k.value === null ? '' : String(k.value instanceof Date ? (k.source ?? k.value) : k.value);
  return undefined;
}

/** A field as people write it in `--set`: the path below `spec` (values.global.hub). */
export function setPath(steps: Step[]): string {
  return formatPath(steps[0] === 'spec' && steps.length > 1 ? steps.slice(1) : steps);
}

/** The dotted path people read: spec.components.ingressGateways[0].k8s */
export function formatPath(steps: Step[]): string {
  let out = '';
  for (const s of steps) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out;
}

/** Follows an alias to the node it names; undefined when it names nothing. */
export function deref(doc: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

export { isAlias, isMap, isPair, isScalar, isSeq };
