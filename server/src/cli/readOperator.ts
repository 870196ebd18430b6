// Reads the one file a subcommand works on (effective, upgrade-report): its text, its parse and its
// first IstioOperator document, or the message to print when any of that fails.
import fs from 'node:fs';
import type { Engine } from '../engine/engine.ts';
import type { ParsedFile, YamlDoc } from '../engine/parse/parse.ts';

export type ReadOperator = { ok: true; file: ParsedFile; doc: YamlDoc } | { ok: false; message: string };

export function readOperator(engine: Engine, path: string): ReadOperator {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, message: `cannot read ${path}: ${(e as Error).message}` };
  }
  const file = engine.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const doc = file.documents.find((d) => d.isIstioOperator);
  if (!doc) return { ok: false, message: `${path} holds no IstioOperator document.` };
  const syntax = doc.problems.find((p) => p.code === 'yaml-syntax');
  if (syntax) {
    const at = file.lines.position(syntax.start);
    return { ok: false, message: `${path}:${at.line + 1}:${at.character + 1}: ${syntax.message}` };
  }
  return { ok: true, file, doc };
}
