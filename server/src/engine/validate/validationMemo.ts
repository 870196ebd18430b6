// What validating a map or a list found, kept per YAML node. The incremental parse keeps the nodes
// an edit did not touch (and copies those after it, see nodeOrigins.ts), so the next validation
// takes their findings from here instead of walking them again: an edit costs the edited item and
// its ancestors, not the file.
//
// A finding depends only on the subtree's own text, where it sits (its path and depth), the schema
// node it is checked against, the release, the document's profile and the limits: all of that is
// the key. Subtrees with aliases or merge keys (which read other parts of the document) and walks
// cut short (limits, cancellation) are never kept.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Node } from 'yaml';
import type { Limits } from '../parse/limits.ts';
import { sameRange, type LineIndex } from '../parse/lineIndex.ts';
import { onMove } from '../parse/nodeOrigins.ts';
import type { IstioSchema, SchemaNode } from '../schema/schemaStore.ts';
import type { Step } from '../parse/yamlNodes.ts';

export interface MemoKey {
  istio: IstioSchema;
  schema: SchemaNode;
  path: readonly Step[];
  profile: string;
  depth: number;
  limits: Limits;
}

/** A diagnostic with the offsets it was reported at (to place it again when its node moved). */
export interface Finding { diagnostic: Diagnostic; span: readonly [number, number] }

/** `delta`: how far the node moved since the findings were made (a copy after an edit). */
interface Entry { key: MemoKey; findings: readonly Finding[]; delta: number }

const entries = new WeakMap<Node, Entry>();
const NONE: readonly Finding[] = Object.freeze([]);

// A copy made by the incremental parse takes its original's entry, moved with it.
onMove((copy, original, delta) => {
  const entry = entries.get(original);
  if (entry) entries.set(copy, { key: entry.key, findings: entry.findings, delta: entry.delta + delta });
});

export function remember(node: Node, key: MemoKey, findings: readonly Finding[]): void {
  entries.set(node, { key, findings: findings.length ? findings : NONE, delta: 0 });
}

/**
 * What the node's subtree reported when it (or the node it was copied from) was last validated
 * under the same key, placed on the current text; undefined when it must be walked.
 */
export function recall(node: Node, key: MemoKey, lines: LineIndex): readonly Finding[] | undefined {
  const entry = entries.get(node);
  if (!entry || !sameKey(entry.key, key)) return undefined;
  if (!entry.findings.length) return entry.findings;
  const findings = entry.findings.map((f) => placed(f, entry.delta, lines));
  if (entry.delta !== 0) entries.set(node, { key: entry.key, findings, delta: 0 });
  return findings;
}

/** The finding at its offsets moved by `delta`, with the range the current lines give them. */
function placed(f: Finding, delta: number, lines: LineIndex): Finding {
  const span: [number, number] = [f.span[0] + delta, f.span[1] + delta];
  const range = lines.range(span[0], span[1]);
  return { diagnostic: sameRange(range, f.diagnostic.range) ? f.diagnostic : { ...f.diagnostic, range }, span };
}

function sameKey(a: MemoKey, b: MemoKey): boolean {
  if (a.schema !== b.schema || a.istio !== b.istio || a.profile !== b.profile || a.depth !== b.depth || a.limits !== b.limits) return false;
  if (a.path.length !== b.path.length) return false;
  for (let i = 0; i < a.path.length; i++) if (a.path[i] !== b.path[i]) return false;
  return true;
}
