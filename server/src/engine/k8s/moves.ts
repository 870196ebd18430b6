// Fixes that move a setting to where istioctl reads it: a key written one level too deep, and
// `k8s.volumes`/`volumeMounts` (never rendered) as `k8s.overlays` patches (which are applied).
// Both work on block-style YAML as text: the moved lines keep their comments and are re-indented.
import YAML, { type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { isMap, isSeq, keyName } from '../parse/yamlNodes.ts';
import { nodeAtPath } from '../parse/nodePath.ts';
import { INLINE_WRAPPERS, type MovePathRewrite, type MoveRewrite, type OverlayRewrite } from './forms.ts';
import { changedSpan, column, lineStart, pairLines, reindent, type OffsetEdit } from './textEdits.ts';

interface Located { map: YAMLMap; pair: Pair }

function pairAt(doc: Document, path: Array<string | number>): Located | undefined {
  const parent = nodeAtPath(doc, path.slice(0, -1));
  if (!isMap(parent)) return undefined;
  const pair = (parent.items as Pair[]).find((p) => keyName(p) === path[path.length - 1]);
  return pair ? { map: parent as YAMLMap, pair } : undefined;
}

const isBlock = (n: unknown) => (isMap(n) || isSeq(n)) && !(n as YAMLMap).flow;

/** `service.annotations` → `serviceAnnotations` (the target must not exist yet). */
export function moveKey(text: string, doc: Document, move: MoveRewrite): OffsetEdit[] | undefined {
  const from = pairAt(doc, move.at);
  const owner = nodeAtPath(doc, move.to.slice(0, -1));
  if (!from || !isMap(owner) || !isBlock(from.map) || !isBlock(owner)) return undefined;
  const newKey = String(move.to[move.to.length - 1]);
  if ((owner.items as Pair[]).some((p) => keyName(p) === newKey)) return undefined;
  const container = (owner.items as Pair[]).find((p) => p.value === from.map);
  if (!container) return undefined;
  const [start, end] = pairLines(text, from.pair);
  const keyCol = column(text, (from.pair.key as Node).range![0]);
  const targetCol = column(text, (container.key as Node).range![0]);
  const oldKey = String(keyName(from.pair));
  let moved = reindent(text.slice(start, end), targetCol - keyCol);
  moved = moved.replace(new RegExp(`^( *)${escape(oldKey)}(\\s*:)`), `$1${newKey}$2`);
  if (!moved.endsWith('\n')) moved += '\n';
  const alone = from.map.items.length === 1;
  const [cStart, cEnd] = pairLines(text, container);
  let after: string;
  if (alone) after = text.slice(0, cStart) + moved + text.slice(cEnd);
  else after = text.slice(0, start) + text.slice(end, cEnd) + moved + text.slice(cEnd);
  return [changedSpan(text, after)];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Kubernetes' own form of a node written in the protobuf form (overlays patch the rendered object); comments kept. */
function kubernetesForm(node: unknown): unknown {
  if (isSeq(node)) {
    const copy = (node as YAMLSeq).clone() as YAMLSeq;
    copy.items = copy.items.map(kubernetesForm);
    return copy;
  }
  if (!isMap(node)) return node;
  const copy = (node as YAMLMap).clone() as YAMLMap;
  const items: Pair[] = [];
  for (const pair of copy.items as Pair[]) {
    const key = keyName(pair);
    if (key !== undefined && INLINE_WRAPPERS[key] && isMap(pair.value)) items.push(...((kubernetesForm(pair.value) as YAMLMap).items as Pair[]));
    else { pair.value = kubernetesForm(pair.value); items.push(pair); }
  }
  copy.items = items;
  return copy;
}

/** Appends past the end: an index at or over the list's length appends (tpath/tree.go@1.24.6:140-146). */
const APPEND = 1000;

export function volumesToOverlays(text: string, doc: Document, rewrite: OverlayRewrite): OffsetEdit[] | undefined {
  const k8s = nodeAtPath(doc, rewrite.at);
  if (!isMap(k8s) || !isBlock(k8s)) return undefined;
  const pairs = k8s.items as Pair[];
  const volumes = pairs.find((p) => keyName(p) === 'volumes');
  const mounts = pairs.find((p) => keyName(p) === 'volumeMounts');
  const overlays = pairs.find((p) => keyName(p) === 'overlays');
  if (overlays && !(isSeq(overlays.value) && isBlock(overlays.value))) return undefined;
  const { kind, name, container } = rewrite.resource;
  const patches: Array<{ path: string; value: unknown }> = [];
  const list = (p: Pair | undefined) => (p && isSeq(p.value) ? (p.value as YAMLSeq).items : []);
  for (const v of list(volumes)) patches.push({ path: `spec.template.spec.volumes.[${APPEND}]`, value: kubernetesForm(v) });
  for (const m of list(mounts)) patches.push({ path: `spec.template.spec.containers.[name:${container}].volumeMounts.[${APPEND}]`, value: kubernetesForm(m) });
  if (!patches.length) return undefined;
  const out = new YAML.Document([{ kind, name, patches: [] }]);
  const target = (out.contents as YAMLSeq).items[0] as YAMLMap;
  const patchSeq = target.get('patches', true) as unknown as YAMLSeq;
  for (const p of patches) patchSeq.items.push(out.createNode({ path: p.path, value: p.value }));
  const entry = out.toString({ indent: 2, lineWidth: 0 });
  const keyCol = column(text, (pairs[0].key as Node).range![0]);
  let insertAt: number;
  let insertion: string;
  if (overlays) {
    const seq = overlays.value as YAMLSeq;
    const first = (seq.items[0] as Node | undefined)?.range?.[0];
    const dashCol = first === undefined ? keyCol : column(text, first) - 2;
    insertAt = pairLines(text, overlays)[1];
    insertion = reindent(entry, dashCol);
  } else {
    insertAt = pairLines(text, pairs[pairs.length - 1])[1];
    insertion = reindent(`overlays:\n${entry}`, keyCol);
  }
  if (!insertion.endsWith('\n')) insertion += '\n';
  // Applied from the bottom up so the offsets above stay right; a removal before an insertion at the same place.
  const edits: Array<[number, number, string]> = [volumes, mounts].filter((p): p is Pair => !!p).map((p) => [...pairLines(text, p), ''] as [number, number, string]);
  edits.push([insertAt, insertAt, insertion]);
  edits.sort((a, b) => b[0] - a[0] || b[1] - a[1]);
  let after = text;
  for (const [s, e, t] of edits) after = after.slice(0, s) + t + after.slice(e);
  return [changedSpan(text, after)];
}

/**
 * A setting to the path it moved to, with its value and comments, as one edit: the key is removed
 * (with its parent map when that leaves it empty) and written under the deepest map of the new
 * path that exists, creating the maps on the way. No fix when the new path is already set.
 */
export function movePath(text: string, doc: Document, move: MovePathRewrite): OffsetEdit[] | undefined {
  const from = pairAt(doc, move.at);
  if (!from || !isBlock(from.map) || isSet(doc, move.to)) return undefined;
  let depth = move.to.length - 1;
  let owner: unknown;
  for (; depth >= 1; depth--) {
    owner = nodeAtPath(doc, move.to.slice(0, depth));
    if (owner !== undefined) break;
  }
  if (!isMap(owner) || !isBlock(owner) || !(owner.items as Pair[]).length) return undefined;
  const ownerPairs = owner.items as Pair[];
  const missing = move.to.slice(depth).map(String);
  const childCol = column(text, (ownerPairs[0].key as Node).range![0]);
  const [keyLine, end] = pairLines(text, from.pair);
  const keyCol = column(text, (from.pair.key as Node).range![0]);
  const start = withLeadingComments(text, keyLine, keyCol);
  const newCol = childCol + 2 * (missing.length - 1);
  let moved = reindent(text.slice(start, end), newCol - keyCol)
    .replace(new RegExp(`^( *)${escape(String(keyName(from.pair)))}(\\s*:)`), `$1${missing[missing.length - 1]}$2`);
  if (!moved.endsWith('\n')) moved += '\n';
  const insertion = missing.slice(0, -1).map((k, i) => `${' '.repeat(childCol + 2 * i)}${k}:\n`).join('') + moved;
  const insertAt = pairLines(text, ownerPairs[ownerPairs.length - 1])[1];
  // The key goes; so do the parent maps it leaves empty (up to `spec.values`, never `spec`).
  let gone = move.at;
  while (gone.length > 2) {
    const parentMap = nodeAtPath(doc, gone.slice(0, -1));
    const parentPair = pairAt(doc, gone.slice(0, -1));
    if (!isMap(parentMap) || parentMap.items.length !== 1 || !parentPair || !isBlock(parentPair.map)) break;
    gone = gone.slice(0, -1);
  }
  const removal = gone === move.at ? [start, end] as [number, number] : pairLines(text, pairAt(doc, gone)!.pair);
  if (insertAt > removal[0] && insertAt < removal[1]) return undefined; // the new place is inside what goes
  const edits: Array<[number, number, string]> = [[removal[0], removal[1], ''], [insertAt, insertAt, insertion]];
  edits.sort((a, b) => b[0] - a[0] || b[1] - a[1]);
  let after = text;
  for (const [s, e, t] of edits) after = after.slice(0, s) + t + after.slice(e);
  return [changedSpan(text, after)];
}

/** Comment lines right above a key, at its column, belong to it and move with it. */
function withLeadingComments(text: string, lineStartOffset: number, col: number): number {
  let start = lineStartOffset;
  while (start > 0) {
    const prev = lineStart(text, start - 1);
    const line = text.slice(prev, start - 1);
    if (!/^ *#/.test(line) || /^ */.exec(line)![0].length !== col) break;
    start = prev;
  }
  return start;
}

function isSet(doc: Document, path: Array<string | number>): boolean {
  const parent = nodeAtPath(doc, path.slice(0, -1));
  return isMap(parent) && (parent.items as Pair[]).some((p) => keyName(p) === path[path.length - 1]);
}
