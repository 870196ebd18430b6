// Where a node of an incrementally parsed file came from: a node after the edit is a copy of the
// previous parse's node, moved by the edit's length. Validation reads this to reuse what it found
// in the original (engine/validationMemo.ts) instead of walking the same text again.
import type { Node } from 'yaml';

export interface Origin { node: Node; delta: number }

const origins = new WeakMap<Node, Origin>();

export function recordMove(copy: Node, original: Node, delta: number): void {
  origins.set(copy, { node: original, delta });
}

export function originOf(node: Node): Origin | undefined {
  return origins.get(node);
}
