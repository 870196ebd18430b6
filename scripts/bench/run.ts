// npm run bench: this language server against yaml-language-server (configured with our own
// Istio 1.20 schema) on a small, a medium and a large IstioOperator, over LSP stdio, in one run.
// Measures didChange → publishDiagnostics, completion latency, the bare `yaml` parse of the same
// text, our engine's own parse/validate/complete in-process (where the time goes), and our server's
// memory with every bundled release loaded. Prints markdown tables and PASS/MISS per target.
// A report, not a test: exits 0 unless something crashed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import YAML from 'yaml';
import { repoRoot } from '../../test/support/lspClient.ts';
import { Engine } from '../../server/src/engine/engine.ts';
import { BENCH_VERSION, BROKEN_KEY, fixtures, forVersion, type Fixture } from './fixtures.ts';
import { measure, measureInterleaved, time, type Plan, type Sample } from './measure.ts';
import { assertValidates, memoryOf, nextDiagnostics, startOurs, startYamlLs, stop, yamlLsVersion, type BenchServer } from './servers.ts';
import { printReport, type Results, type ServerRun, type SizeResult } from './report.ts';

/**
 * Counted iterations per size (after warm-up) and the wall time each measurement may take. Each
 * iteration runs ours, yaml-language-server and the bare parse in turn, in a rotating order (see measureInterleaved).
 */
const PLANS: Record<Fixture['name'], { diagnostics: Plan; completion: Plan; engine: Plan }> = {
  small: { diagnostics: { warmup: 30, iterations: 300, budgetMs: 20_000 }, completion: { warmup: 30, iterations: 300, budgetMs: 15_000 }, engine: { warmup: 50, iterations: 300, budgetMs: 3_000 } },
  medium: { diagnostics: { warmup: 10, iterations: 60, budgetMs: 20_000 }, completion: { warmup: 10, iterations: 60, budgetMs: 10_000 }, engine: { warmup: 20, iterations: 100, budgetMs: 3_000 } },
  large: { diagnostics: { warmup: 5, iterations: 30, budgetMs: 40_000, minimum: 10 }, completion: { warmup: 5, iterations: 60, budgetMs: 15_000, minimum: 10 }, engine: { warmup: 5, iterations: 30, budgetMs: 5_000 } },
};
/** Edits at the servers' defaults: yaml-language-server waits 200 ms before each check, so fewer. */
const DEFAULTS_PLANS: Record<Fixture['name'], Plan> = {
  small: { warmup: 20, iterations: 40, budgetMs: 30_000 },
  medium: { warmup: 10, iterations: 30, budgetMs: 30_000 },
  large: { warmup: 5, iterations: 20, budgetMs: 40_000, minimum: 10 },
};
/** A single request or publish that takes longer than this is a hang, not a slow answer. */
const STEP_TIMEOUT = 30_000;

const docUri = (dir: string, name: string) => pathToFileURL(path.join(dir, `${name}.yaml`)).href;

/** Every fixture must be valid on Istio 1.20 by our own CLI, or the comparison means nothing. */
function checkFixtures(files: Fixture[], dir: string): void {
  for (const f of files) fs.writeFileSync(path.join(dir, `${f.name}.yaml`), f.text);
  let out: string;
  try {
    out = execFileSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), '--format', 'json', ...files.map((f) => path.join(dir, `${f.name}.yaml`))], { encoding: 'utf8' });
  } catch (e) {
    throw new Error(`the bench fixtures are not valid on Istio ${BENCH_VERSION}:\n${(e as { stdout?: string }).stdout ?? e}`);
  }
  const report = JSON.parse(out) as { files: Array<{ path: string; istioVersion: string; diagnostics: unknown[] }> };
  const bad = report.files.filter((f) => f.istioVersion !== BENCH_VERSION || f.diagnostics.length);
  if (bad.length) throw new Error(`the bench fixtures are not clean on Istio ${BENCH_VERSION}: ${JSON.stringify(bad).slice(0, 2000)}`);
}

/**
 * Our engine in this process on the same text: parse (interleaved with the bare parse, to compare
 * like with like), validate and complete, each alone.
 */
async function inProcess(engine: Engine, f: Fixture): Promise<SizeResult['engine']> {
  const plan = PLANS[f.name].engine;
  const file = engine.parse(f.text);
  if (engine.validate(file).length) throw new Error(`our engine reports diagnostics on the valid ${f.name} file`);
  const [parse, bareParse] = await measureInterleaved(plan, [
    (i) => {
      const text = f.edit(i);
      return time(() => engine.parse(text));
    },
    (i) => {
      const text = f.edit(i);
      return time(() => YAML.parseAllDocuments(text));
    },
  ]);
  // A fresh parse for each validation: the same file again would be answered from what validation remembers.
  const validate = await measure(plan, (i) => {
    const fresh = engine.parse(f.edit(i));
    return time(() => engine.validate(fresh));
  });
  // What the server does for each edit: the new text re-parsed from the last, then validated.
  let last = engine.parse(f.edit(0));
  engine.validate(last);
  const edit = await measure(plan, (i) => time(() => {
    last = engine.reparse(last, f.edit(i + 1));
    engine.validate(last);
  }));
  const complete = await measure(plan, () => time(() => engine.complete(file, f.completionAt, {}, { lazyDocs: true })));
  return { parse, bareParse, validate, edit, complete };
}

/** One server's open copy of a fixture: edits that wait for their diagnostics, and completion. */
class Session {
  private version = 1;
  /** Diagnostics in the last publish (0 expected: every edit keeps the file valid). */
  reported = 0;
  /** Completion items in the last answer. */
  items = 0;
  private readonly uri: string;

  constructor(private readonly server: BenchServer, private readonly f: Fixture, dir: string) {
    this.uri = docUri(dir, `${f.name}-${server.name}`);
  }

  /**
   * Opens the fixture with a misspelled key near its end, which the server must report (proof that
   * it validates this whole file, not only small ones), then fixes it.
   */
  async open(): Promise<void> {
    const { client } = this.server;
    let from = client.notifications.length;
    client.open(this.uri, this.f.broken, this.version);
    const broken = await nextDiagnostics(this.server, this.uri, this.version, from, STEP_TIMEOUT);
    if (!broken.diagnostics.some((d) => d.message.includes(BROKEN_KEY))) {
      throw new Error(`${this.server.name} does not report \`${BROKEN_KEY}\` near the end of the ${this.f.name} file: ${JSON.stringify(broken.diagnostics).slice(0, 500)}`);
    }
    from = client.notifications.length;
    client.change(this.uri, ++this.version, [{ text: this.f.text }]);
    this.text = this.f.text;
    this.reported = (await nextDiagnostics(this.server, this.uri, this.version, from, STEP_TIMEOUT)).diagnostics.length;
  }

  /** The text the server has now. */
  private text = '';

  /**
   * Edit `n`: a didChange that changes one value, as the full text or (`incremental`, what VS Code
   * sends a server that asks for incremental sync, as both do) the one changed range; ms until its
   * diagnostics arrive.
   */
  async edit(n: number, incremental = false): Promise<number> {
    const { client } = this.server;
    const version = ++this.version;
    const text = this.f.edit(n);
    const change = incremental ? rangeChange(this.text, text) : { text };
    this.text = text;
    const from = client.notifications.length;
    const t0 = performance.now();
    client.change(this.uri, version, [change]);
    const published = await nextDiagnostics(this.server, this.uri, version, from, STEP_TIMEOUT);
    const ms = performance.now() - t0;
    this.reported = published.diagnostics.length;
    return ms;
  }

  /** Completion at the fixture's cursor; ms until the answer. Fails unless the expected key is offered. */
  async complete(): Promise<number> {
    const t0 = performance.now();
    const list = await this.server.client.request<{ items: Array<{ label: string }> } | Array<{ label: string }> | null>(
      'textDocument/completion', { textDocument: { uri: this.uri }, position: this.f.completionAt, context: { triggerKind: 1 } }, STEP_TIMEOUT);
    const ms = performance.now() - t0;
    const labels = (Array.isArray(list) ? list : list?.items ?? []).map((x) => x.label);
    if (!labels.includes(this.f.expectedCompletion)) {
      throw new Error(`${this.server.name} does not offer \`${this.f.expectedCompletion}\` in the ${this.f.name} file's k8s block: ${JSON.stringify(labels.slice(0, 20))}`);
    }
    this.items = labels.length;
    return ms;
  }

  close(): void {
    this.server.client.close(this.uri);
  }
}

/** The one range where two texts differ (common prefix and suffix left out), as an LSP content change. */
function rangeChange(before: string, after: string): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) { endB--; endA--; }
  const position = (offset: number) => {
    const head = before.slice(0, offset);
    const line = head.split('\n').length - 1;
    return { line, character: offset - (head.lastIndexOf('\n') + 1) };
  };
  return { range: { start: position(start), end: position(endB) }, text: after.slice(start, endA) };
}

/** Diagnostics after an edit (with the bare parse of the same text), then completion, interleaved. */
async function runSize(f: Fixture, ours: BenchServer, yamlLs: BenchServer, dir: string): Promise<Omit<SizeResult, 'engine'>> {
  const sessions = [new Session(ours, f, dir), new Session(yamlLs, f, dir)];
  for (const s of sessions) await s.open();
  const [oursDiagnostics, yamlLsDiagnostics, parse] = await measureInterleaved(PLANS[f.name].diagnostics, [
    (i) => sessions[0].edit(i + 1),
    (i) => sessions[1].edit(i + 1),
    (i) => {
      const text = f.edit(i + 1);
      return time(() => YAML.parseAllDocuments(text));
    },
  ]);
  // The text stays the same from here on: both servers answer from their parse of this version.
  const [oursCompletion, yamlLsCompletion] = await measureInterleaved(PLANS[f.name].completion, sessions.map((s) => () => s.complete()));
  for (const s of sessions) s.close();
  const run = (s: Session, diagnostics: Sample, completion: Sample): ServerRun => ({ diagnostics, completion, reported: s.reported, items: s.items });
  return {
    name: f.name, lines: f.lines, bytes: f.text.length, parse,
    ours: run(sessions[0], oursDiagnostics, oursCompletion),
    yamlLs: run(sessions[1], yamlLsDiagnostics, yamlLsCompletion),
  };
}

/** What a user sees: didChange (incremental, as VS Code sends it) → publishDiagnostics with both servers as shipped, interleaved. */
async function runAtDefaults(files: Fixture[], dir: string): Promise<Results['atDefaults']> {
  const ours = await startOurs({ atDefaults: true });
  const yamlLs = await startYamlLs({ atDefaults: true });
  try {
    await assertValidates(yamlLs, docUri(dir, 'broken-yaml-ls-defaults'));
    const out: Results['atDefaults'] = [];
    for (const f of files) {
      process.stderr.write(`bench: ${f.name} at defaults…\n`);
      const sessions = [new Session(ours, f, dir), new Session(yamlLs, f, dir)];
      for (const s of sessions) await s.open();
      const [o, y] = await measureInterleaved(DEFAULTS_PLANS[f.name], sessions.map((s) => (i: number) => s.edit(i + 1, true)));
      for (const s of sessions) s.close();
      out.push({ name: f.name, lines: f.lines, ours: o, yamlLs: y });
    }
    return out;
  } finally {
    await stop(ours);
    await stop(yamlLs);
  }
}

/** Round trip of a request the server answers at once (hover on a document it does not have). */
async function roundTrip(server: BenchServer): Promise<Sample> {
  return measure({ warmup: 20, iterations: 100, budgetMs: 2_000 }, async () => {
    const t0 = performance.now();
    await server.client.request('textDocument/hover', { textDocument: { uri: 'file:///bench/not-open.yaml' }, position: { line: 0, character: 0 } });
    return performance.now() - t0;
  });
}

/**
 * A fresh server with one open document per bundled release (each with its own
 * `# istio-version:` comment, so each loads its schema), checked and completed once each.
 */
async function memoryWithEveryVersion(f: Fixture, dir: string): Promise<Results['memory']> {
  const versions = new Engine().store.minors;
  const server = await startOurs();
  try {
    const idle = memoryOf(server.client.pid);
    for (const v of versions) {
      const uri = docUri(dir, `memory-${v}`);
      const from = server.client.notifications.length;
      server.client.open(uri, forVersion(f.text, v), 1);
      await nextDiagnostics(server, uri, 1, from, STEP_TIMEOUT);
      await server.client.request('textDocument/completion', { textDocument: { uri }, position: f.completionAt }, STEP_TIMEOUT);
      await server.client.request('textDocument/hover', { textDocument: { uri }, position: { line: f.completionAt.line + 1, character: 12 } }, STEP_TIMEOUT);
    }
    const loaded = memoryOf(server.client.pid);
    return { versions: versions.length, document: f.name, idleMb: idle?.rssMb, loadedMb: loaded?.rssMb, peakMb: loaded?.peakMb };
  } finally {
    await stop(server);
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iop-bench-'));
  const servers: BenchServer[] = [];
  try {
    // BENCH_SIZES=small,medium: only those sizes (for working on one; the full report needs all).
    const only = process.env.BENCH_SIZES?.split(',').map((x) => x.trim()).filter(Boolean);
    const files = fixtures().filter((f) => !only?.length || only.includes(f.name));
    checkFixtures(files, dir);
    const engine = new Engine();
    const ours = await startOurs();
    servers.push(ours);
    const yamlLs = await startYamlLs();
    servers.push(yamlLs);
    const proof = { ours: await assertValidates(ours, docUri(dir, 'broken-ours')), yamlLs: await assertValidates(yamlLs, docUri(dir, 'broken-yaml-ls')) };
    const floor = { ours: await roundTrip(ours), yamlLs: await roundTrip(yamlLs) };

    const sizes: SizeResult[] = [];
    for (const f of files) {
      process.stderr.write(`bench: ${f.name} (${f.lines} lines)…\n`);
      sizes.push({ ...await runSize(f, ours, yamlLs, dir), engine: await inProcess(engine, f) });
    }
    const timingPeak = { ours: memoryOf(ours.client.pid)?.peakMb, yamlLs: memoryOf(yamlLs.client.pid)?.peakMb };
    for (const s of servers.splice(0)) await stop(s);

    const atDefaults = await runAtDefaults(files, dir);

    process.stderr.write('bench: memory with every release…\n');
    const memory = await memoryWithEveryVersion(files.find((f) => f.name === 'medium') ?? files[0], dir);

    printReport({
      node: process.version,
      yamlLsVersion: yamlLsVersion() ?? '?',
      istioVersion: BENCH_VERSION,
      proof,
      floor,
      sizes,
      atDefaults,
      memory: { ...memory, timingPeakOurs: timingPeak.ours, timingPeakYamlLs: timingPeak.yamlLs },
      seconds: (performance.now() - started) / 1000,
    });
  } finally {
    for (const s of servers) await stop(s);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`bench: crashed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    process.exit(1);
  },
);
