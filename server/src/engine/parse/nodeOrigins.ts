// The incremental parse copies the nodes after an edit, moved by the edit's length. Whoever keeps
// facts per node (validationMemo.ts) listens, to carry them over to the copy: the copy's facts are
// the original's, moved by `delta`. Nothing here holds on to the original node.
import type { Node } from 'yaml';

export type MoveListener = (copy: Node, original: Node, delta: number) => void;

const listeners: MoveListener[] = [];

export function onMove(listener: MoveListener): void {
  listeners.push(listener);
}

export function recordMove(copy: Node, original: Node, delta: number): void {
  for (const listener of listeners) listener(copy, original, delta);
}
