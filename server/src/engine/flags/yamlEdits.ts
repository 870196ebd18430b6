// Text edits that take a YAML document from one data tree to another while every comment and
// every untouched line stays as written: changed scalars are replaced in place, new keys are
// inserted after a map's last pair at its column, new list entries after a list's last entry.
// Only where a value changes shape (a scalar or `{}` becoming a map) is that value rewritten.
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { contentEnd, isMergeKey } from '../parse/nodePath.ts';
import { keyName } from '../parse/yamlNodes.ts';
import { column, keyStart, lineStart, pairEnd, pairLines, reindent, removalEnd, type OffsetEdit } from '../k8s/textEdits.ts';
import { get, has, isObject, put, sameData, type Json, type JsonObject } from './jsonTree.ts';
import { blockText, inlineText, isCollection } from './yamlText.ts';

type Holder = { kind: 'pair'; pair: Pair; flow: boolean } | { kind: 'item'; flow: boolean };

class EditError extends Error {}

/** The edits from `before` (the data of `doc`) to `after`; a message when it cannot be done as text. */
export function editsToReach(text: string, doc: Document, before: Json, after: Json): OffsetEdit[] | { message: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edits: OffsetEdit[] = [];
  const ctx = { text, eol, edits };
  try {
    if (!isMap(doc.contents) || (doc.contents as YAMLMap).flow) throw new EditError('the document is not a block map');
    reconcileMap(ctx, doc.contents as YAMLMap, before, after, 'the document');
    return mergeSameOffset(edits);
  } catch (e) {
    if (e instanceof EditError) return { message: e.message };
    throw e;
  }
}

interface Ctx { text: string; eol: string; edits: OffsetEdit[] }

function reconcile(ctx: Ctx, node: unknown, holder: Holder, before: Json | undefined, after: Json, where: string): void {
  if (sameData(before, after)) return;
  if (isAlias(node)) throw new EditError(`${where} is an alias (*${node.source}); change it where its anchor is`);
  const block = (n: unknown) => (isMap(n) || isSeq(n)) && !(n as YAMLMap).flow;
  if (isObject(before) && isObject(after) && isMap(node) && block(node)) return reconcileMap(ctx, node as YAMLMap, before, after, where);
  if (Array.isArray(before) && Array.isArray(after) && isSeq(node) && block(node)) return reconcileSeq(ctx, node as YAMLSeq, before, after, where);
  replaceValue(ctx, node, holder, after);
}

function reconcileMap(ctx: Ctx, map: YAMLMap, before: Json | undefined, after: Json, where: string): void {
  const b = isObject(before) ? before : {};
  const a = after as JsonObject;
  for (const k of Object.keys(b)) if (!has(a, k)) throw new EditError(`${where}: removing \`${k}\` is not supported`);
  const pairs = (map.items as Pair[]).filter((p) => !isMergeKey(p));
  const added: JsonObject = {};
  for (const [k, v] of Object.entries(a)) {
    const pair = pairs.find((p) => keyName(p) === k);
    if (pair) reconcile(ctx, pair.value, { kind: 'pair', pair, flow: false }, get(b, k), v, `\`${k}\``);
    else put(added, k, v); // new, or only merged in through `<<` (a key of its own overrides that)
  }
  if (!Object.keys(added).length) return;
  const last = map.items[map.items.length - 1] as Pair;
  const at = pairLines(ctx.text, last)[1];
  const col = column(ctx.text, keyStart(pairs[0] ?? last));
  insertLines(ctx, at, reindent(blockText(added), col));
}

function reconcileSeq(ctx: Ctx, seq: YAMLSeq, before: Json[], after: Json[], where: string): void {
  const items = seq.items as Node[];
  const shared = Math.min(before.length, after.length);
  for (let i = 0; i < shared; i++) reconcile(ctx, items[i], { kind: 'item', flow: false }, before[i], after[i], `${where}[${i}]`);
  if (after.length > before.length) {
    const last = items[items.length - 1];
    const at = removalEnd(ctx.text, contentEnd(ctx.text, last.range![0], last.range![1]));
    insertLines(ctx, at, reindent(blockText(after.slice(before.length)), dashColumn(ctx.text, items[0])));
  } else if (after.length < before.length) {
    // 1.5 replaces a list the flags set: the entries past the new end go, whole lines.
    const first = items[after.length];
    const last = items[items.length - 1];
    const start = lineStart(ctx.text, dashOffset(ctx.text, first));
    ctx.edits.push({ start, end: removalEnd(ctx.text, contentEnd(ctx.text, last.range![0], last.range![1])), newText: '' });
  }
}

/** Where the `-` of a block sequence item is (its node starts after `- `). */
function dashOffset(text: string, item: Node): number {
  let i = item.range![0] - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (text[i] !== '-') throw new EditError('a list entry is not written as `- …`');
  return i;
}

const dashColumn = (text: string, item: Node) => column(text, dashOffset(text, item));

/** Writes `after` in place of the value `node` (a scalar, null, a flow collection, or a different shape). */
function replaceValue(ctx: Ctx, node: unknown, holder: Holder, after: Json): void {
  const { text } = ctx;
  const n = node as Node | null | undefined;
  const collection = isMap(n) || isSeq(n);
  const flowWithItems = collection && (n as YAMLMap).flow && (n as YAMLMap).items.length > 0;
  // A map or list goes in block form, unless it replaces a flow collection the user wrote with items.
  const asBlock = isCollection(after) && !holder.flow && !flowWithItems;
  if (holder.kind === 'item') {
    if (!n?.range) throw new EditError('a list entry has no text to replace');
    const start = n.range[0];
    const end = contentEnd(text, start, n.range[1]);
    const newText = asBlock ? reindent(blockText(after), column(text, start), 1) : inlineText(after, isScalar(n) ? n.type : undefined);
    ctx.edits.push({ start, end, newText: newText.replaceAll('\n', ctx.eol) });
    return;
  }
  const { pair } = holder;
  const colon = text.indexOf(':', (pair.key as Node).range![1]);
  if (colon < 0) throw new EditError('a key has no `:`');
  const hasValue = !!n?.range && !(isScalar(n) && n.value === null && n.range[0] === n.range[1]);
  const valueEnd = hasValue ? contentEnd(text, n!.range![0], n!.range![1]) : colon + 1;
  if (asBlock) {
    // On the lines below the key; what followed the old value on its line (a comment) stays.
    const nl = text.indexOf('\n', Math.max(valueEnd, pairEnd(text, pair)));
    const end = nl < 0 ? text.length : text[nl - 1] === '\r' ? nl - 1 : nl;
    const col = column(text, keyStart(pair)) + 2;
    ctx.edits.push({ start: colon + 1, end, newText: `${text.slice(valueEnd, end)}${ctx.eol}${reindent(blockText(after), col).replaceAll('\n', ctx.eol)}` });
  } else if (!hasValue || (collection && !(n as YAMLMap).flow)) {
    ctx.edits.push({ start: colon + 1, end: valueEnd, newText: ` ${inlineText(after)}` });
  } else {
    ctx.edits.push({ start: n!.range![0], end: valueEnd, newText: inlineText(after, isScalar(n) ? n.type : undefined) });
  }
}

function insertLines(ctx: Ctx, at: number, lines: string): void {
  const before = at > 0 && ctx.text[at - 1] !== '\n' ? ctx.eol : '';
  ctx.edits.push({ start: at, end: at, newText: `${before}${lines.replaceAll('\n', ctx.eol)}${ctx.eol}` });
}

/** Insertions at one offset become one edit, in the order they were made (inner lists before their map's new keys). */
function mergeSameOffset(edits: OffsetEdit[]): OffsetEdit[] {
  const out: OffsetEdit[] = [];
  for (const e of [...edits].sort((x, y) => x.start - y.start)) {
    const prev = out[out.length - 1];
    if (prev && prev.start === e.start && prev.end === prev.start && e.end === e.start) prev.newText += e.newText;
    else if (prev && e.start < prev.end) throw new EditError('two changes overlap');
    else out.push({ ...e });
  }
  return out;
}
