// Refreshes test/l10n/corpus/engine-tests.json: the inputs the engine tests validate (recorded by
// recordHook.ts while they run), cut down to the fewest that still reach every message template and
// phrase the whole set reaches (and every message no template knows yet). The l10n tests check
// each of them in Chinese at several releases.
//   node --import tsx scripts/l10n/recordCorpus.ts [--from recorded.jsonl]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Engine, type EngineSettings } from '../../server/src/engine/engine.ts';
import { translateFixTitle, translateMessage, type Trace } from '../../server/src/engine/l10n/localize.ts';

const root = path.resolve(import.meta.dirname, '../..');
const out = path.join(root, 'test/l10n/corpus/engine-tests.json');
const from = process.argv.indexOf('--from');
let recorded = from > 0 ? process.argv[from + 1] : path.join(os.tmpdir(), `iop-l10n-record-${process.pid}.jsonl`);
if (from < 0) {
  const tests = fs.readdirSync(path.join(root, 'test/engine')).filter((f) => f.endsWith('.test.ts')).map((f) => path.join('test/engine', f));
  console.log(`running ${tests.length} engine test files with the recording hook…`);
  spawnSync(process.execPath, ['--import', 'tsx', '--import', './scripts/l10n/recordHook.ts', '--test', '--test-concurrency=2', ...tests], {
    cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, IOP_L10N_RECORD: recorded },
  });
}
recorded = path.resolve(recorded);

interface Input { text: string; settings: EngineSettings }
const unique = new Map<string, Input>();
for (const line of fs.readFileSync(recorded, 'utf8').split('\n')) {
  if (!line) continue;
  const input = JSON.parse(line) as Input;
  unique.set(JSON.stringify(input), input);
}

const engine = new Engine();
const reached = new Set<string>();
const kept: Input[] = [];
// Smaller inputs first: the corpus stays small and each input reads as a test case.
for (const input of [...unique.values()].sort((a, b) => a.text.length - b.text.length)) {
  const trace: Trace = { rows: new Set(), passthrough: [] };
  const seen = new Set<string>();
  for (const d of engine.validate(engine.parse(input.text), input.settings)) {
    const message = String(d.message);
    if (translateMessage(String(d.code), message, trace) === undefined) seen.add(`unknown ${d.code}: ${message}`);
    const title = (d.data as { fix?: { title?: unknown } } | undefined)?.fix?.title;
    if (typeof title === 'string' && translateFixTitle(title, trace) === undefined) seen.add(`unknown fix: ${title}`);
  }
  for (const r of trace.rows) seen.add(r);
  if ([...seen].some((s) => !reached.has(s))) {
    kept.push(input);
    seen.forEach((s) => reached.add(s));
  }
}
fs.writeFileSync(out, `${JSON.stringify(kept, null, 1)}\n`);
console.log(`${unique.size} recorded inputs → ${kept.length} in ${path.relative(root, out)} (${reached.size} templates, phrases and unknown messages)`);
