// A key written twice in one map, as each release's reader of the user's file treats it.
// 1.14–1.23 read it with yaml.UnmarshalStrict (operator/pkg/apis/istio/common.go@1.14.6:43-55), which
// refuses duplicates. The others read it leniently, so the last value wins and the first is dropped
// without a word: 1.5 ghodss yaml.Unmarshal (validate/common.go@1.5.10:272-278), 1.6–1.13
// sigs.k8s.io/yaml Unmarshal into a map first (validate/common.go@1.13.9:274-279), 1.24+
// values.MapFromYaml (sigs.k8s.io/yaml Unmarshal).
import type { Diagnostic } from 'vscode-languageserver-types';
import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { makeDiagnostic } from '../validate/diagnostics.ts';
import type { LineIndex } from '../parse/lineIndex.ts';
import type { SyntaxProblem } from '../parse/parse.ts';

export const STRICT_DUPLICATES: Array<[number, number]> = [[14, 23]];

export const duplicatesRefused = (minor: number) => STRICT_DUPLICATES.some(([a, b]) => minor >= a && minor <= b);

/** The map holding the key that starts at `offset`. */
function mapWithKeyAt(root: unknown, offset: number): YAMLMap | undefined {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      if ((node.items as Pair[]).some((p) => (p.key as Node | null)?.range?.[0] === offset)) return node as YAMLMap;
      for (const p of node.items as Pair[]) if ((p.value as Node | null)?.range && (p.value as Node).range![0] <= offset && offset <= (p.value as Node).range![2]) stack.push(p.value);
    } else if (isSeq(node)) {
      for (const item of node.items as Node[]) if (item?.range && item.range[0] <= offset && offset <= item.range[2]) stack.push(item);
    }
  }
  return undefined;
}

/** The duplicate-key problems of an IstioOperator document, as its release reads them. */
export function duplicateKeyDiagnostics(problem: SyntaxProblem, doc: Document, minor: number, version: string, lines: LineIndex): Diagnostic[] {
  if (duplicatesRefused(minor)) {
    return [makeDiagnostic(lines.range(problem.start, problem.end), 'error', 'duplicate-key',
      `${problem.message.replace(/ \(istioctl rejects the file\)$/, '')}: istioctl ${version} reads the file strictly and refuses it.`, '')];
  }
  const map = mapWithKeyAt(doc.contents, problem.start);
  const pairs = (map?.items ?? []) as Pair[];
  const at = pairs.findIndex((p) => (p.key as Node | null)?.range?.[0] === problem.start);
  if (at < 0) return [];
  const name = String((pairs[at].key as { value?: unknown }).value);
  // Only the last occurrence counts: report each earlier one once, from the last duplicate's problem.
  const later = pairs.slice(at + 1).some((p) => isScalar(p.key) && String(p.key.value) === name);
  if (later) return [];
  const line = lines.position(problem.start).line + 1;
  return pairs.slice(0, at).filter((p) => isScalar(p.key) && String(p.key.value) === name).map((p) => {
    const r = (p.key as Node).range!;
    return makeDiagnostic(lines.range(r[0], r[1]), 'warning', 'duplicate-key-ignored',
      `Duplicate key \`${name}\`: istioctl ${version} reads the file leniently, so the later \`${name}\` (line ${line}) wins and this value is silently dropped. Keep one of them.`, '');
  });
}
