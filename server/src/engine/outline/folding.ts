// Folding ranges: every map, list or block scalar of an IstioOperator document that spans lines.
import type { FoldingRange } from 'vscode-languageserver-types';
import type { Node, Pair } from 'yaml';
import { contentEnd } from '../parse/nodePath.ts';
import type { ParsedFile } from '../parse/parse.ts';
import { isMap, isPair, isScalar, isSeq } from '../parse/yamlNodes.ts';

export function folding(file: ParsedFile, maxDepth: number): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (start: number, node: Node | null) => {
    if (!node?.range) return;
    const collection = isMap(node) || isSeq(node);
    if (!collection && !(isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED'))) return;
    const startLine = file.lines.position(start).line;
    const endLine = file.lines.position(contentEnd(file.text, node.range[0], node.range[1])).line;
    if (endLine > startLine) out.push({ startLine, endLine });
  };
  const walk = (node: unknown, depth: number) => {
    if (depth >= maxDepth) return;
    if (isMap(node)) {
      for (const pair of node.items as Pair[]) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        add(key?.range?.[0] ?? value?.range?.[0] ?? 0, value);
        walk(value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items as Array<Node | null>) {
        if (item?.range) add(item.range[0], item);
        walk(item, depth + 1);
      }
    }
  };
  for (const doc of file.documents) if (doc.isIstioOperator) walk(doc.doc.contents, 0);
  return out;
}
