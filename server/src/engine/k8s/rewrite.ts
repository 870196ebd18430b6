// Rewrites a Kubernetes object from one era's form into the other's, as text: only the lines of the
// wrapper that goes or comes change (re-indented by the same amount), so every comment, quote and
// blank line the user wrote stays. Nested wrappers are rewritten one at a time, re-parsing between
// steps, until none is left; the result is one edit of the changed span.
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import type { Limits } from '../parse/limits.ts';
import { parseFile } from '../parse/parse.ts';
import type { IstioSchema, SchemaNode } from '../schema/schemaStore.ts';
import { isMap, isSeq, keyName } from '../parse/yamlNodes.ts';
import { nodeAtPath } from '../parse/nodePath.ts';
import { INLINE_WRAPPERS, V2BETA1_TARGETS, type FormRewrite } from './forms.ts';
import { changedSpan, column, keyStart, pairEnd, reindent, removalEnd, type OffsetEdit } from './textEdits.ts';

export type { OffsetEdit };

const MAX_STEPS = 32;

/** The edit that rewrites the object at `rewrite.at` of document `docIndex`; undefined when nothing applies. */
export function rewriteForm(text: string, docIndex: number, rewrite: FormRewrite, istio: IstioSchema, limits: Limits): OffsetEdit | undefined {
  let current = text;
  for (let i = 0; i < MAX_STEPS; i++) {
    const doc = parseFile(current, limits).documents[docIndex]?.doc;
    if (!doc) break;
    const node = nodeAtPath(doc, rewrite.at);
    const schema = istio.at(rewrite.at);
    if (!node || !schema) break;
    const step = nextStep(current, doc, node, schema, istio, rewrite.kind);
    if (!step) break;
    current = current.slice(0, step.start) + step.newText + current.slice(step.end);
  }
  return current === text ? undefined : changedSpan(text, current);
}

function nextStep(text: string, doc: Document, node: unknown, schema: SchemaNode, istio: IstioSchema, kind: FormRewrite['kind']): OffsetEdit | undefined {
  if (isSeq(node)) {
    const items = schema.items ? istio.resolve(schema.items) : undefined;
    if (!items) return undefined;
    for (const item of node.items) {
      const found = nextStep(text, doc, item, items, istio, kind);
      if (found) return found;
    }
    return undefined;
  }
  if (!isMap(node)) return undefined;
  const map = node as YAMLMap;
  const pairs = map.items as Pair[];
  for (const pair of pairs) {
    const key = keyName(pair);
    if (key === undefined) continue;
    const found = istio.property(schema, key);
    if (found) {
      const inner = nextStep(text, doc, pair.value, found.node, istio, kind);
      if (inner) return inner;
      continue;
    }
    if (kind === 'kubernetes-form' && INLINE_WRAPPERS[key] && isMap(pair.value)) return unwrap(text, map, pair);
    if (kind === 'protobuf-form') {
      const wrapper = istio.keys(schema).find(([w, ws]) => INLINE_WRAPPERS[w] && istio.property(ws, key));
      if (wrapper) {
        const members = pairs.filter((p) => { const k = keyName(p); return k !== undefined && !istio.property(schema, k) && !!istio.property(wrapper[1], k); });
        return wrap(text, map, members, wrapper[0]);
      }
    }
    if (kind === 'hpa-v2' && V2BETA1_TARGETS[key] && schema.properties?.target) {
      const t = V2BETA1_TARGETS[key];
      const value = pair.value as Node | null;
      const valueText = value?.range ? text.slice(value.range[0], value.range[1]) : '';
      return { start: keyStart(pair), end: pairEnd(text, pair), newText: `target: {type: ${t.type}, ${t.field}: ${valueText}}` };
    }
  }
  return undefined;
}

/** `wrapper: {a: 1}` → `a: 1`, at the wrapper's place and column. */
function unwrap(text: string, parent: YAMLMap, pair: Pair): OffsetEdit | undefined {
  const value = pair.value as YAMLMap;
  const start = keyStart(pair);
  const end = pairEnd(text, pair);
  const inner = value.items as Pair[];
  if (!inner.length) return { start, end: removalEnd(text, end), newText: '' };
  if (value.flow) {
    const parts = inner.map((p) => text.slice(keyStart(p), pairEnd(text, p)));
    const joiner = parent.flow ? ', ' : `\n${' '.repeat(column(text, start))}`;
    return { start, end, newText: parts.join(joiner) };
  }
  const first = keyStart(inner[0]);
  const shift = column(text, first) - column(text, start);
  return { start, end, newText: reindent(text.slice(first, end), -shift, 1) };
}

/** The pairs `members` of `parent` (contiguous) → `wrapper: {members}`, in the parent's style. */
function wrap(text: string, parent: YAMLMap, members: Pair[], wrapper: string): OffsetEdit | undefined {
  const all = parent.items as Pair[];
  const at = all.indexOf(members[0]);
  if (at < 0 || members.some((m, i) => all[at + i] !== m)) return undefined; // not contiguous: the message says what to do
  const start = keyStart(members[0]);
  const end = pairEnd(text, members[members.length - 1]);
  const body = text.slice(start, end);
  if (parent.flow) return { start, end, newText: `${wrapper}: {${body}}` };
  const col = column(text, start);
  return { start, end, newText: `${wrapper}:\n${' '.repeat(col + 2)}${reindent(body, 2, 1)}` };
}

