// Document symbols: the outline of each IstioOperator document's keys; list items are named by
// their `name` field (a gateway) when they have one.
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { Node, Pair } from 'yaml';
import type { ParsedFile, YamlDoc } from '../parse/parse.ts';
import { contentEnd, isMergeKey } from '../parse/nodePath.ts';
import { isAlias, isMap, isPair, isScalar, isSeq, keyName, scalarText } from '../parse/yamlNodes.ts';

export function symbols(file: ParsedFile, maxDepth: number): DocumentSymbol[] {
  const docs = file.documents.filter((d) => d.isIstioOperator);
  const out: DocumentSymbol[] = [];
  for (const doc of docs) {
    const children = childrenOf(file, doc.doc.contents, 0, maxDepth);
    if (file.documents.length === 1) return children;
    const wrapper = documentSymbol(file, doc, children);
    if (wrapper) out.push(wrapper);
  }
  return out;
}

/** In a file of several documents, each IstioOperator is one symbol named for its `metadata.name`. */
function documentSymbol(file: ParsedFile, doc: YamlDoc, children: DocumentSymbol[]): DocumentSymbol | undefined {
  const root = doc.doc.contents as Node | null;
  if (!root?.range) return undefined;
  const metadata = isMap(root) ? root.get('metadata', true) : undefined;
  const name = isMap(metadata) ? metadata.get('name', true) : undefined;
  const label = isScalar(name) && name.value !== null ? `IstioOperator ${scalarText(name)}` : `IstioOperator (document ${doc.index + 1})`;
  const range = spanRange(file, root.range[0], root.range[1]);
  const selection = isScalar(name) && name.range ? spanRange(file, name.range[0], name.range[1]) : { start: range.start, end: range.start };
  return { name: label, kind: SymbolKind.Module, range, selectionRange: selection, children };
}

function childrenOf(file: ParsedFile, node: unknown, depth: number, maxDepth: number): DocumentSymbol[] {
  if (depth >= maxDepth) return [];
  const out: DocumentSymbol[] = [];
  if (isMap(node)) {
    for (const pair of node.items as Pair[]) {
      if (!isPair(pair)) continue;
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (!key?.range) continue;
      const name = isMergeKey(pair) ? '<<' : keyName(pair);
      const end = value?.range ? value.range[1] : key.range[1];
      out.push(symbol(file, name ? name : name === '' ? '""' : '?', value, key.range[0], end, [key.range[0], key.range[1]], depth, maxDepth));
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const n = item as Node | null;
      if (!n?.range) return;
      const named = isMap(n) ? n.get('name', true) : undefined;
      const hasName = isScalar(named) && named.value !== null && short(scalarText(named)) !== '' && !!named.range;
      const label = hasName ? short(scalarText(named)) : `[${i}]`;
      // The item's `name` value, else its first key, else the item itself, is what the editor selects.
      const first = isMap(n) ? ((n.items[0] as Pair | undefined)?.key as Node | null | undefined) : n;
      const select = hasName ? named.range! : first?.range ?? n.range;
      const s = symbol(file, label, n, dashBefore(file.text, n.range[0]), n.range[1], [select[0], select[1]], depth, maxDepth);
      if (hasName) s.detail = `[${i}]`;
      out.push(s);
    });
  }
  return out;
}

function symbol(file: ParsedFile, name: string, value: Node | null, start: number, end: number, selection: [number, number], depth: number, maxDepth: number): DocumentSymbol {
  const range = spanRange(file, start, end);
  const selectionRange = spanRange(file, selection[0], Math.min(Math.max(selection[1], selection[0]), end));
  const s: DocumentSymbol = { name, kind: kindOf(value), range, selectionRange };
  if (isMap(value) || isSeq(value)) s.children = childrenOf(file, value, depth + 1, maxDepth);
  else if (isAlias(value)) s.detail = `*${value.source}`;
  else if (isScalar(value) && value.value !== null) s.detail = short(scalarText(value));
  return s;
}

function kindOf(value: unknown): SymbolKind {
  if (isMap(value)) return SymbolKind.Object;
  if (isSeq(value)) return SymbolKind.Array;
  if (isAlias(value)) return SymbolKind.Variable;
  if (!isScalar(value) || value.value === null) return SymbolKind.Null;
  if (typeof value.value === 'boolean') return SymbolKind.Boolean;
  if (typeof value.value === 'number' || typeof value.value === 'bigint') return SymbolKind.Number;
  return SymbolKind.String;
}

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}...` : s).replace(/\s+/g, ' ').trim();

/** A block list item starts at its `- `, a little before its node. */
function dashBefore(text: string, start: number): number {
  let s = start;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  return s > 0 && text[s - 1] === '-' ? s - 1 : start;
}

/** A range that ends at the last character of the text (trailing blank lines and spaces left out). */
function spanRange(file: ParsedFile, start: number, end: number): Range {
  return file.lines.range(start, contentEnd(file.text, start, end));
}
