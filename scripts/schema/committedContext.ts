// A partial run (--minors) writes only the minors asked, but a schema's version annotations
// (`x-istio-versions`, `x-istio-other-versions`) compare every release. The releases not read in
// this run take part through their committed schemas: each is expanded back to its field tree
// (the `$ref`s into `definitions` inlined), which has the same paths, in the same order, as the
// tree it was generated from.
import fs from 'node:fs';
import path from 'node:path';
import { children, type SchemaNode } from './schemaNode.ts';
import { minorNumber } from './sources.ts';

export interface IndexEntry { version: string; tag: string; profiles: string[]; file: string }

export function readIndex(outDir: string): IndexEntry[] {
  const file = path.join(outDir, 'index.json');
  if (!fs.existsSync(file)) return [];
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { versions: IndexEntry[] }).versions;
}

/** The committed field trees of the minors in outDir's index.json that this run does not build. */
export function committedTrees(outDir: string, built: Set<string>): Map<string, SchemaNode> {
  const out = new Map<string, SchemaNode>();
  for (const entry of readIndex(outDir)) {
    if (built.has(entry.version)) continue;
    const file = path.join(outDir, entry.file);
    if (!fs.existsSync(file)) throw new Error(`${path.join(outDir, 'index.json')} lists ${entry.file}, which is missing: run without --minors to regenerate every release`);
    const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as SchemaNode;
    out.set(entry.version, fieldTree(schema, (schema.definitions ?? {}) as Record<string, SchemaNode>));
  }
  return out;
}

/** The tree with its `$ref`s inlined, children only: enough for the path index. */
function fieldTree(node: SchemaNode, definitions: Record<string, SchemaNode>, depth = 0): SchemaNode {
  if (depth > 64) throw new Error('schema nests deeper than 64 levels: a recursive $ref?');
  const ref = typeof node.$ref === 'string' ? /^#\/definitions\/(.+)$/.exec(node.$ref)?.[1] : undefined;
  const body = ref ? { ...definitions[decodeURIComponent(ref.replace(/~0/g, '~'))], ...node } : node;
  const out: SchemaNode = {};
  const props: Record<string, SchemaNode> = {};
  for (const [key, child] of children(body)) {
    const tree = fieldTree(child, definitions, depth + 1);
    if (key === '[]') out.items = tree;
    else if (key === '*') out.additionalProperties = tree;
    else props[key] = tree;
  }
  if (body.properties) out.properties = props;
  return out;
}

/** Trees by minor, oldest first: the order the version index is built in. */
export function byMinor(trees: Map<string, SchemaNode>): Map<string, SchemaNode> {
  return new Map([...trees].sort((a, b) => minorNumber(a[0]) - minorNumber(b[0])));
}
