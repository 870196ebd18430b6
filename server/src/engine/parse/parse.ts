// Parses a YAML file once per text version into the documents every feature reads (never writes).
import YAML, { isMap, isScalar, isSeq } from 'yaml';
import { LineIndex } from './lineIndex.ts';
import type { Limits } from './limits.ts';

export interface SyntaxProblem {
  message: string;
  start: number;
  end: number;
  code: string;
  severity: 'error' | 'warning';
}

export interface YamlDoc {
  index: number;
  /** The `yaml` library's document: nodes keep their source ranges and comments. */
  doc: YAML.Document.Parsed;
  /** Offsets of the document's text, separators included. */
  start: number;
  end: number;
  kind?: string;
  apiVersion?: string;
  isIstioOperator: boolean;
  problems: SyntaxProblem[];
}

export interface ParsedFile {
  text: string;
  lines: LineIndex;
  documents: YamlDoc[];
  /** Set when the file is over the size limit: documents is empty then. */
  tooLarge?: { size: number; limit: number };
}

/** Shared with the incremental re-parse (incremental.ts), which must read YAML exactly as this does. */
export const PARSE_OPTIONS = {
  // Kubernetes (and so istioctl) reads YAML 1.1: unquoted yes/no/on/off are booleans.
  version: '1.1' as const,
  merge: true,
  // The library's own duplicate-key check is quadratic in the map size; ours (below) is linear.
  uniqueKeys: false,
  prettyErrors: false,
  keepSourceTokens: false,
};

export function parseFile(text: string, limits: Limits): ParsedFile {
  const lines = new LineIndex(text);
  if (text.length > limits.maxFileSize) return { text, lines, documents: [], tooLarge: { size: text.length, limit: limits.maxFileSize } };
  // No LineCounter: LineIndex maps offsets to positions, and the counter cost a quarter of the parse.
  const docs = YAML.parseAllDocuments(text, PARSE_OPTIONS);
  const list = Array.isArray(docs) ? docs : [];
  // Each document owns the text from the end of the previous one, so leading comments belong to it.
  let previousEnd = 0;
  const documents: YamlDoc[] = list.map((doc, index) => {
    const d = describe(doc, index, text, previousEnd);
    previousEnd = d.end;
    return d;
  });
  if (!Array.isArray(docs)) {
    // An empty stream gives an EmptyStream object that still carries errors.
    const problems = (docs as { errors: YAML.YAMLError[] }).errors.map((e) => toProblem(e, text));
    if (problems.length) documents.push({ index: 0, doc: new YAML.Document() as YAML.Document.Parsed, start: 0, end: text.length, isIstioOperator: false, problems });
  }
  return { text, lines, documents };
}

export function describe(doc: YAML.Document.Parsed, index: number, text: string, start: number): YamlDoc {
  const problems = [...doc.errors.map((e) => toProblem(e, text)), ...doc.warnings.map((w) => ({ ...toProblem(w, text), severity: 'warning' as const }))];
  problems.push(...duplicateKeys(doc.contents, text));
  return { index, doc, start, end: doc.range?.[2] ?? text.length, ...identify(doc), problems };
}

/** `kind` and `apiVersion` of a document, from its root map. */
export function identify(doc: YAML.Document.Parsed): { kind?: string; apiVersion?: string; isIstioOperator: boolean } {
  const contents = doc.contents;
  let kind: string | undefined;
  let apiVersion: string | undefined;
  if (isMap(contents)) {
    for (const pair of contents.items) {
      if (!isScalar(pair.key) || !isScalar(pair.value)) continue;
      if (pair.value.value === null) continue; // `kind:` with nothing after it yet
      if (pair.key.value === 'kind') kind = String(pair.value.value);
      if (pair.key.value === 'apiVersion') apiVersion = String(pair.value.value);
    }
  }
  return { kind, apiVersion, isIstioOperator: kind === 'IstioOperator' };
}

/** Keys repeated in one map, found in one pass over the nodes under `root` (aliases are not followed). */
export function duplicateKeys(root: unknown, text: string): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      mapDuplicates(node, text, out);
      for (const pair of node.items) stack.push(pair.value);
    } else if (isSeq(node)) {
      stack.push(...node.items);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The repeated keys of one map (not of the maps inside it). */
export function mapDuplicates(map: YAML.YAMLMap, text: string, out: SyntaxProblem[]): void {
  const seen = new Set<string>();
  for (const pair of map.items) {
    const k = pair.key;
    if (isScalar(k) && k.value !== '<<') {
      const name = String(k.value);
      if (seen.has(name) && k.range) {
        const key = text.slice(k.range[0], k.range[1]);
        out.push({ message: `Duplicate key \`${key}\`: a key may appear only once in a map (istioctl rejects the file)`, start: k.range[0], end: k.range[1], code: 'duplicate-key', severity: 'error' });
      }
      seen.add(name);
    }
  }
}

function toProblem(e: YAML.YAMLError, text: string): SyntaxProblem {
  const [start, end] = e.pos;
  return {
    message: firstLine(e.message),
    start,
    end: Math.min(Math.max(end, start + 1), Math.max(text.length, start)),
    code: 'yaml-syntax',
    severity: 'error',
  };
}

const firstLine = (s: string) => s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
