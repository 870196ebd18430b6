// Shares repeated subtrees through `definitions`: every property stays inline in meaning
// (its own description, defaults and versions), while identical value shapes are written once.
import { splitAnnotations, type SchemaNode } from './schemaNode.ts';

/** Child schema positions inside a body. */
const CHILD_KEYS = ['items', 'additionalProperties'] as const;
const MIN_SHARED_SIZE = 200;

interface Body { id: number; node: SchemaNode; key: string; uses: number; name?: string }

export function dedupe(root: SchemaNode): { root: SchemaNode; definitions: Record<string, SchemaNode> } {
  const bodies = new Map<string, Body>();
  const ordered: Body[] = [];

  // Bottom-up: a body's key names its children's bodies by id, so equal shapes get equal keys.
  const intern = (node: SchemaNode): { annotations: SchemaNode; body: Body } => {
    const { annotations, body } = splitAnnotations(node);
    const shape: SchemaNode = { ...body };
    if (body.properties) {
      shape.properties = Object.fromEntries(Object.entries(body.properties as Record<string, SchemaNode>).map(([k, v]) => [k, ref(v)]));
    }
    for (const k of CHILD_KEYS) if (body[k] && typeof body[k] === 'object') shape[k] = ref(body[k] as SchemaNode);
    const key = JSON.stringify(shape);
    let b = bodies.get(key);
    if (!b) {
      b = { id: ordered.length, node: shape, key, uses: 0 };
      bodies.set(key, b);
      ordered.push(b);
    }
    return { annotations, body: b };
  };
  const ref = (node: SchemaNode): SchemaNode => {
    const { annotations, body } = intern(node);
    return { ...annotations, $body: body.id };
  };
  const top = intern(root);

  // Count uses from the top, visiting each distinct body's children once.
  const seen = new Set<number>();
  const count = (b: Body) => {
    b.uses++;
    if (seen.has(b.id)) return;
    seen.add(b.id);
    for (const child of childRefs(b.node)) count(ordered[child.$body as number]);
  };
  count(top.body);

  const shared = (b: Body) => b.uses > 1 && b.key.length >= MIN_SHARED_SIZE;
  const names = new Map<string, number>();
  const definitions: Record<string, SchemaNode> = {};
  const nameOf = (b: Body): string => {
    if (b.name) return b.name;
    const base = (b.node['x-istio-type'] as string | undefined) ?? 'shape';
    const n = (names.get(base) ?? 0) + 1;
    names.set(base, n);
    b.name = n === 1 ? base : `${base}~${n}`;
    return b.name;
  };

  const emit = (b: Body): SchemaNode => {
    const out: SchemaNode = { ...b.node };
    if (out.properties) {
      out.properties = Object.fromEntries(Object.entries(out.properties as Record<string, SchemaNode>).map(([k, v]) => [k, emitRef(v)]));
    }
    for (const k of CHILD_KEYS) if (out[k] && typeof out[k] === 'object') out[k] = emitRef(out[k] as SchemaNode);
    return out;
  };
  const emitRef = (r: SchemaNode): SchemaNode => {
    const { $body, ...annotations } = r;
    const b = ordered[$body as number];
    if (!shared(b)) return { ...annotations, ...emit(b) };
    const name = nameOf(b);
    if (!(name in definitions)) {
      definitions[name] = {}; // reserve the slot first so the order is stable
      definitions[name] = emit(b);
    }
    return { ...annotations, $ref: `#/definitions/${encodeURIComponent(name).replace(/~/g, '~0')}` };
  };
  const rootOut = { ...top.annotations, ...emit(top.body) };
  return { root: rootOut, definitions };
}

function childRefs(node: SchemaNode): SchemaNode[] {
  const out: SchemaNode[] = [];
  if (node.properties) out.push(...Object.values(node.properties as Record<string, SchemaNode>));
  for (const k of CHILD_KEYS) if (node[k] && typeof node[k] === 'object') out.push(node[k] as SchemaNode);
  return out;
}
