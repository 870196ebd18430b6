// The incremental re-parse is a full parse, only faster: for hundreds of seeded random edits of
// real files, the re-parsed file must give exactly what a fresh parse of the new text gives (the
// nodes with every range, the problems, diagnostics, symbols, folding, completion and hover), and
// must leave the previous ParsedFile as it was.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import { fixtures } from '../../scripts/bench/fixtures.ts';
import { Random } from '../../scripts/fuzz/random.ts';
import { Engine } from '../../server/src/engine/engine.ts';
import { itemParseCount, reparse, tryReparse, type TextEdit } from '../../server/src/engine/parse/incremental.ts';
import type { ParsedFile } from '../../server/src/engine/parse/parse.ts';

const engine = new Engine();
const ROOT = path.resolve(import.meta.dirname, '../..');
const SETTINGS = { setting: '1.20' };

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(entry.name)) out.push(p);
  }
  return out.sort();
}

const SOURCES: Array<{ name: string; text: string; edits: number }> = [
  ...fixtures().map((f) => ({ name: `bench ${f.name}`, text: f.text, edits: f.name === 'large' ? 60 : f.name === 'medium' ? 150 : 250 })),
  ...[...yamlFiles(path.join(ROOT, 'examples')), ...yamlFiles(path.join(ROOT, 'test/fixtures'))]
    .map((p) => ({ name: path.relative(ROOT, p), text: fs.readFileSync(p, 'utf8'), edits: 200 })),
];

// ------------------------------------------------------------------------------------------------
// Every observable part of a ParsedFile, as plain data.

function dumpNode(n: unknown): unknown {
  if (n === null || n === undefined) return n ?? null;
  if (isPair(n)) return { pair: [dumpNode(n.key), dumpNode(n.value)] };
  const node = n as Record<string, unknown>;
  const out: Record<string, unknown> = { class: (n as object).constructor.name, is: isMap(n) ? 'map' : isSeq(n) ? 'seq' : isScalar(n) ? 'scalar' : isAlias(n) ? 'alias' : '?' };
  for (const key of Object.keys(node).sort()) {
    const v = node[key];
    if (key === 'items') out.items = (v as unknown[]).map(dumpNode);
    else if (v instanceof Date) out[key] = `Date ${v.toISOString()}`;
    else if (typeof v === 'symbol') out[key] = String(v);
    else out[key] = v;
  }
  if (isMap(n) || isSeq(n)) out.schemaSet = !!(n as { schema?: unknown }).schema;
  return out;
}

function dump(file: ParsedFile): unknown {
  const lines = Array.from({ length: file.lines.lineCount }, (_, l) => file.lines.lineStart(l));
  return {
    text: file.text,
    lines,
    tooLarge: file.tooLarge ?? null,
    documents: file.documents.map((d) => ({
      index: d.index, start: d.start, end: d.end, kind: d.kind ?? null, apiVersion: d.apiVersion ?? null, isIstioOperator: d.isIstioOperator, problems: d.problems,
      range: d.doc.range ?? null,
      comment: d.doc.comment ?? null,
      commentBefore: d.doc.commentBefore ?? null,
      errors: d.doc.errors.map((e) => ({ code: e.code, message: e.message, pos: e.pos })),
      warnings: d.doc.warnings.map((e) => ({ code: e.code, message: e.message, pos: e.pos })),
      contents: dumpNode(d.doc.contents),
    })),
  };
}

/** What the features answer on a file, at a few positions. */
function answers(file: ParsedFile, offsets: number[]) {
  return {
    diagnostics: engine.validate(file, SETTINGS),
    symbols: engine.symbols(file),
    folding: engine.folding(file),
    at: offsets.map((o) => {
      const position = file.lines.position(o);
      return { position, completion: engine.complete(file, position, SETTINGS), hover: engine.hover(file, position, SETTINGS) };
    }),
  };
}

// ------------------------------------------------------------------------------------------------
// Edits a person (or a cat on the keyboard) makes.

const WORDS = ['enabled', 'true', 'false', 'yes', 'no', 'k8s', 'name', 'hub', '"quoted"', "'single'", '42', '1.5', 'null', '~', 'docker.io/istio', 'replicaCount', 'x'.repeat(40), '', '-1', '2001-12-14', 'off'];
const GARBAGE = [':', ': ', '-', '- ', ' ', '  ', '"', "'", '{', '}', '[', ']', '#', ' # note', '&a ', '*a', '!!str ', '|', '>', '\t', '---', '\n', '\n\n', 'x', '? ', '%', '\r\n', '...', '<<: *a', ',', '@', '`', 'key: value', '\u00a0', 'ü'];

function lineBounds(text: string, r: Random): { start: number; end: number; line: string } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const start = r.pick(starts);
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  return { start, end, line: text.slice(start, end) };
}

/** Ops 0–3, 11 and 13 mostly keep a file valid: chains use them more, so they do not break at once. */
const GENTLE = [0, 1, 2, 3, 11, 13];

function randomEdit(text: string, r: Random, gentle = false): TextEdit {
  const { start, end, line } = lineBounds(text, r);
  const indent = /^ */.exec(line)![0];
  const colon = line.indexOf(': ') >= 0 ? line.indexOf(': ') : line.endsWith(':') ? line.length - 1 : -1;
  const op = gentle && r.next() < 0.85 ? r.pick(GENTLE) : r.int(17);
  switch (op) {
    case 0: // a new scalar value
      if (colon >= 0) return { start: start + colon + 2 > end ? end : start + colon + 2, end, text: (start + colon + 2 > end ? ' ' : '') + r.pick(WORDS) };
      break;
    case 1: { // a renamed key
      const m = /^(\s*(?:- )?)([^:#]+):/.exec(line);
      if (m) return { start: start + m[1].length, end: start + m[1].length + m[2].length, text: r.pick(['enabled', 'k8s', 'name', 'hub', 'replicaCountt', 'a', 'spec', 'kind', 'apiVersion', 'tag', m[2] + 'x']) };
      break;
    }
    case 2: // a line inserted after this one, at its indentation or deeper
      return { start: end, end, text: `\n${indent}${r.pick(['', '  ', '- ', '  - '])}${r.pick(['enabled: true', 'name: x', 'k8s:', 'a: 1', 'x', 'hub: docker.io', 'replicaCount: 2'])}` };
    case 3: // this line deleted
      return { start, end: Math.min(text.length, end + 1), text: '' };
    case 4: { // garbage typed anywhere on the line, sometimes over a character or two
      const at = start + r.int(line.length + 1);
      return { start: at, end: at + (r.next() < 0.3 ? r.int(3) : 0), text: r.pick(GARBAGE) };
    }
    case 5: // a half-typed key on a new line
      return { start: end, end, text: `\n${indent}${r.pick(['rep', 'ena', 'k', 'valu', 'comp'])}` };
    case 6: // a colon deleted
      if (colon >= 0) return { start: start + colon, end: start + colon + 1, text: '' };
      break;
    case 7: // an anchor
      if (colon >= 0) return { start: start + colon + 1, end: start + colon + 1, text: ' &a' };
      break;
    case 8: // a document marker
      return { start, end: start, text: '---\n' };
    case 9: // a tab in the indentation
      if (indent.length) return { start, end: start + Math.min(2, indent.length), text: '\t' };
      break;
    case 10: { // a span deleted
      const s = start + r.int(line.length + 1);
      return { start: s, end: Math.min(text.length, s + 1 + r.int(20)), text: '' };
    }
    case 11: // the line duplicated
      return { start: end, end, text: `\n${line}` };
    case 12: // indentation changed
      return r.next() < 0.5 ? { start, end: start, text: '  ' } : { start, end: start + Math.min(2, indent.length), text: '' };
    case 13: // a blank line
      return { start: end, end, text: r.pick(['\n', `\n${indent}`, '\n\n']) };
    case 14: { // one character typed
      const at = start + r.int(line.length + 1);
      return { start: at, end: at, text: r.pick(['a', ' ', ':', '-', '1', '"']) };
    }
    case 15: // a comment
      return { start: end, end, text: r.pick([' # why', `\n${indent}# note`]) };
    default: // a value made a block, a flow or a multi-line value
      if (colon >= 0) return { start: start + colon + 1, end, text: r.pick([' |\n' + indent + '  text', ' {a: 1}', ' [1, 2]', ' >-\n' + indent + '  folded', ' "multi\n' + indent + '  line"', '\n' + indent + '  sub: 1']) };
  }
  const at = start + r.int(line.length + 1);
  return { start: at, end: at, text: r.pick(GARBAGE) };
}

/** Makes an edit well-formed: start ≤ end within the text. */
function normalize(e: TextEdit, text: string): TextEdit {
  const start = Math.max(0, Math.min(e.start, text.length));
  const end = Math.max(start, Math.min(e.end, text.length));
  return { start, end, text: e.text };
}

const apply = (text: string, e: TextEdit) => text.slice(0, e.start) + e.text + text.slice(e.end);

interface Tally { edits: number; fast: number }

/** One edit: the re-parse against a fresh parse, and the previous file untouched. */
function check(name: string, previous: ParsedFile, previousDump: string, previousAnswers: string, edit: TextEdit, r: Random, tally: Tally): ParsedFile {
  const text = apply(previous.text, edit);
  const hinted = r.next() < 0.5 ? [edit] : undefined;
  const attempt = tryReparse(previous, text, engine.limits, hinted, { minLines: 0 });
  tally.edits++;
  if (typeof attempt !== 'string') tally.fast++;
  else reasons.set(attempt, (reasons.get(attempt) ?? 0) + 1);
  const incremental = typeof attempt === 'string' ? reparse(previous, text, engine.limits, hinted, { minLines: 0 }) : attempt;
  const full = engine.parse(text);
  const where = `${name}: edit ${JSON.stringify(edit)} (${typeof attempt === 'string' ? `full parse: ${attempt}` : 'incremental'})`;
  assert.deepEqual(dump(incremental), dump(full), `${where}: the parsed file differs`);
  const offsets = [edit.start, edit.start + edit.text.length, r.int(text.length + 1), r.int(text.length + 1)].map((o) => Math.min(o, text.length));
  assert.deepEqual(answers(incremental, offsets), answers(full, offsets), `${where}: the answers differ`);
  assert.equal(JSON.stringify(dump(previous)), previousDump, `${where}: the previous file was changed`);
  assert.equal(JSON.stringify(answers(previous, [0])), previousAnswers, `${where}: the previous file answers differently`);
  return incremental;
}

/** Edits checked and edits that took the incremental path, over every file. */
const singles: Tally = { edits: 0, fast: 0 };
const chains: Tally = { edits: 0, fast: 0 };
/** Why edits took the full parse, for the diagnostic line. */
const reasons = new Map<string, number>();

describe('incremental re-parse', () => {
  for (const [n, source] of SOURCES.entries()) {
    test(`${source.name}: ${source.edits} single edits give what a full parse gives`, () => {
      const r = new Random(1000 + n);
      const base = engine.parse(source.text);
      const baseDump = JSON.stringify(dump(base));
      const baseAnswers = JSON.stringify(answers(base, [0]));
      for (let i = 0; i < source.edits; i++) check(source.name, base, baseDump, baseAnswers, normalize(randomEdit(source.text, r), source.text), r, singles);
    });

    test(`${source.name}: 50 successive edits, each from the last result`, () => {
      const r = new Random(5000 + n);
      let file = engine.parse(source.text);
      for (let i = 0; i < 50; i++) {
        const before = JSON.stringify(dump(file));
        const beforeAnswers = JSON.stringify(answers(file, [0]));
        file = check(`${source.name} chain ${i}`, file, before, beforeAnswers, normalize(randomEdit(file.text, r, true), file.text), r, chains);
      }
    });
  }

  // The fast path must really be taken, or the tests above prove nothing.
  test('a good share of the edits took the incremental path', (t) => {
    t.diagnostic(`single edits: ${singles.fast} of ${singles.edits} incremental; chains: ${chains.fast} of ${chains.edits}`);
    t.diagnostic(`full parses: ${[...reasons].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join('; ')}`);
    // Most random edits break the YAML (garbage, tabs, markers, anchors) and rightly take the full
    // parse; a chain stays broken once broken, so how far each file's chain gets before its first
    // breaking edit moves with the file's text (24–33 of 650 over this session's example edits).
    // These floors only prove the fast path is exercised.
    assert.ok(singles.fast >= 400, `only ${singles.fast} of ${singles.edits} single edits were incremental`);
    assert.ok(chains.fast >= 15, `only ${chains.fast} of ${chains.edits} chained edits were incremental`);
  });

  test('typing inside string values, which takes no parser, gives what a full parse gives', (t) => {
    const typed = ['a', 'Z', '_', '/', '.', '-', '1', ' ', '"', "'", '\\', ':', '#', ' #', 'y', 'es', 'ü', '\t', '\n', ''];
    let edits = 0;
    let parserFree = 0;
    for (const source of SOURCES.filter((x) => !x.name.includes('large'))) {
      const base = engine.parse(source.text);
      const baseDump = JSON.stringify(dump(base));
      const baseAnswers = JSON.stringify(answers(base, [0]));
      const r = new Random(77);
      // Every one-line string value: text typed at its start, middle and end, and a character deleted.
      for (const m of source.text.matchAll(/: (("[^"\n\\]*")|('[^'\n]*')|([A-Za-z_/][A-Za-z0-9_./-]*))[ \t]*(#.*)?$/gm)) {
        const start = m.index! + 2;
        const end = start + m[1].length;
        for (const at of [start, start + 1, Math.floor((start + end) / 2), end - 1, end]) {
          for (const text of [r.pick(typed), r.pick(typed)]) {
            const edit = normalize({ start: at, end: at + (text === '' ? 1 : 0), text }, source.text);
            const next = apply(source.text, edit);
            const parses = itemParseCount();
            if (typeof tryReparse(base, next, engine.limits) !== 'string' && itemParseCount() === parses) parserFree++;
            check(`${source.name} typed`, base, baseDump, baseAnswers, edit, r, { edits: 0, fast: 0 });
            edits++;
          }
        }
      }
    }
    assert.ok(edits > 500, `${edits} edits`);
    assert.ok(parserFree > edits / 4, `only ${parserFree} of ${edits} typed values took the parser-free path`);
    t.diagnostic(`${parserFree} of ${edits} typed values took the parser-free path`);
  });

  test('a string value typed into a boolean, a null or a number is read as one', () => {
    const r = new Random(3);
    const cases: Array<[string, string]> = [
      ['ye', 's'], ['Ye', 'S'], ['n', 'o'], ['of', 'f'], ['O', 'N'], ['tru', 'e'], ['nul', 'l'], ['NUL', 'L'], ['x', ''], ['a', '1'], ['.in', 'f'],
    ];
    for (const [value, typed] of cases) {
      for (const quote of ['', '"', "'"]) {
        const text = `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  hub: ${quote}${value}${quote}\n  tag: b\n`;
        const base = engine.parse(text);
        const at = text.indexOf(`${quote}${value}${quote}`) + quote.length + value.length;
        const edit = typed === '' ? { start: at - 1, end: at, text: '' } : { start: at, end: at, text: typed };
        check(`"${value}" + "${typed}" (${quote || 'plain'})`, base, JSON.stringify(dump(base)), JSON.stringify(answers(base, [0])), edit, r, { edits: 0, fast: 0 });
      }
    }
  });

  test('the large file: a value edited in place re-parses a few lines, not the file', () => {
    const f = fixtures().find((x) => x.name === 'large')!;
    const base = engine.parse(f.text);
    const edited = tryReparse(base, f.edit(7), engine.limits);
    assert.notEqual(typeof edited, 'string', `fell back: ${edited as string}`);
    const file = edited as ParsedFile;
    // Nodes before the edit are shared with the previous file; the path to it is copied.
    assert.equal(file.documents[0].doc.contents!.constructor, base.documents[0].doc.contents!.constructor);
    assert.notEqual(file.documents[0].doc.contents, base.documents[0].doc.contents);
    assert.equal((file.documents[0].doc.contents as { items: unknown[] }).items[0], (base.documents[0].doc.contents as { items: unknown[] }).items[0]);
  });

  test('a minimum size can send small files to a full parse; by default they take the fast path too', () => {
    const text = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  hub: a\n';
    const edited = text.replace('hub: a', 'hub: b');
    assert.equal(tryReparse(engine.parse(text), edited, engine.limits, undefined, { minLines: 200 }), 'small file');
    const fast = tryReparse(engine.parse(text), edited, engine.limits);
    assert.notEqual(typeof fast, 'string');
    assert.deepEqual(engine.validate(fast as ReturnType<typeof engine.parse>), engine.validate(engine.parse(edited)));
  });
});
