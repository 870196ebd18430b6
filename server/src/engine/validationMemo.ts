// What validating a map or a list found, kept per YAML node. The incremental parse keeps the nodes
// an edit did not touch (and moves those after it, see nodeOrigins.ts), so the next validation
// takes their findings from here instead of walking them again: an edit costs the edited item and
// its ancestors, not the file.
//
// A finding depends only on the subtree's own text, where it sits (its path and depth), the schema
// node it is checked against, the release, the document's profile and the limits: all of that is
// the key. Subtrees with aliases or merge keys (which read other parts of the document) and walks
// cut short (limits, cancellation) are never kept.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Node } from 'yaml';
import type { Limits } from './limits.ts';
import type { LineIndex } from './lineIndex.ts';
import { originOf } from './nodeOrigins.ts';
import type { IstioSchema, SchemaNode } from './schemaStore.ts';
import type { Step } from './yamlNodes.ts';

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

interface Entry { key: MemoKey; findings: readonly Finding[] }

const entries = new WeakMap<Node, Entry>();
/** How many copies back an origin is followed (each edit adds one). */
const MAX_HOPS = 4;

export function remember(node: Node, key: MemoKey, findings: readonly Finding[]): void {
  entries.set(node, { key, findings });
}

/**
 * What the node's subtree reported when it (or the node it was copied from) was last validated
 * under the same key, placed on the current text; undefined when it must be walked.
 */
export function recall(node: Node, key: MemoKey, lines: LineIndex): readonly Finding[] | undefined {
  let at = node;
  let delta = 0;
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    const entry = entries.get(at);
    if (entry && sameKey(entry.key, key)) {
      const findings = entry.findings.length ? entry.findings.map((f) => placed(f, delta, lines)) : entry.findings;
      if (at !== node) remember(node, key, findings);
      return findings;
    }
    const origin = originOf(at);
    if (!origin) return undefined;
    delta += origin.delta;
    at = origin.node;
  }
  return undefined;
}

/** The finding at its offsets moved by `delta`, with the range the current lines give them. */
function placed(f: Finding, delta: number, lines: LineIndex): Finding {
  const span: [number, number] = [f.span[0] + delta, f.span[1] + delta];
  const range = lines.range(span[0], span[1]);
  const old = f.diagnostic.range;
  const same = old.start.line === range.start.line && old.start.character === range.start.character && old.end.line === range.end.line && old.end.character === range.end.character;
  return { diagnostic: same ? f.diagnostic : { ...f.diagnostic, range }, span };
}

function sameKey(a: MemoKey, b: MemoKey): boolean {
  if (a.schema !== b.schema || a.istio !== b.istio || a.profile !== b.profile || a.depth !== b.depth || a.limits !== b.limits) return false;
  if (a.path.length !== b.path.length) return false;
  for (let i = 0; i < a.path.length; i++) if (a.path[i] !== b.path[i]) return false;
  return true;
}
