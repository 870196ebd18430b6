// Walks a schema tree by document path: property keys, `[]` for list items, `*` for map values.
import { children, type SchemaNode } from './schemaNode.ts';

export function walk(node: SchemaNode, visit: (node: SchemaNode, path: string[], parent?: SchemaNode) => void, path: string[] = [], parent?: SchemaNode): void {
  visit(node, path, parent);
  for (const [key, child] of children(node)) walk(child, visit, [...path, key], node);
}

export function nodeAt(root: SchemaNode, path: string[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const key of path) {
    node = node && children(node).find(([k]) => k === key)?.[1];
    if (!node) return undefined;
  }
  return node;
}

/** A compact list of minors: [5,6,7,9] → "1.5-1.7, 1.9". */
export function formatMinors(minors: number[]): string {
  const sorted = [...minors].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i];
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i] + 1) i++;
    parts.push(start === sorted[i] ? `1.${start}` : `1.${start}-1.${sorted[i]}`);
  }
  return parts.join(', ');
}
