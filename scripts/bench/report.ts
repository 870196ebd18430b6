// Prints the benchmark's results as markdown tables (to paste into a note) and PASS/MISS per target.
// Ratios are of medians. Targets are shown, not asserted.
import type { Sample } from './measure.ts';

export interface ServerRun {
  diagnostics: Sample;
  completion: Sample;
  /** Diagnostics published for the last (valid) version: 0 expected from both servers. */
  reported: number;
  /** Completion items offered at the cursor. */
  items: number;
}

export interface SizeResult {
  name: string;
  lines: number;
  bytes: number;
  parse: Sample;
  ours: ServerRun;
  yamlLs: ServerRun;
  /** Our engine in the bench process; bareParse interleaved with parse. */
  engine: { parse: Sample; bareParse: Sample; validate: Sample; edit: Sample; complete: Sample };
}

export interface Results {
  node: string;
  yamlLsVersion: string;
  istioVersion: string;
  /** The error each server reported for the misspelled key before anything was timed. */
  proof: { ours: string; yamlLs: string };
  /** Round trip of a request each server answers at once: the transport's share of every number. */
  floor: { ours: Sample; yamlLs: Sample };
  sizes: SizeResult[];
  /** didChange → publishDiagnostics with both servers as shipped (ours adaptive, yaml-language-server's 200 ms wait). */
  atDefaults: Array<{ name: string; lines: number; ours: Sample; yamlLs: Sample }>;
  memory: {
    versions: number;
    document: string;
    idleMb?: number;
    loadedMb?: number;
    peakMb?: number;
    timingPeakOurs?: number;
    timingPeakYamlLs?: number;
  };
  seconds: number;
}

const TARGET = { speedup: 3, parseRatio: 3, completionP95Ms: 20, memoryMb: 150, defaultsSpeedup: 10, defaultsLargeMedianMs: 10 };

function ms(v: number): string {
  if (!Number.isFinite(v)) return '–';
  return v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0);
}
const medP95 = (s: Sample) => `${ms(s.median)} / ${ms(s.p95)}`;
const n = (s: Sample) => `${s.ms.length}${s.cut ? ' (time cap)' : ''}`;
const ratio = (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(1) : v.toFixed(0)}×` : '–');
const mb = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : `${v.toFixed(0)} MB`);
const pass = (ok: boolean) => (ok ? 'PASS' : 'MISS');

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function printReport(r: Results): void {
  const out: string[] = [];
  out.push(`### Benchmark: iop-language-server vs yaml-language-server ${r.yamlLsVersion}`);
  out.push('');
  out.push(`Istio ${r.istioVersion} schema for both, LSP over stdio, Node ${r.node}, ${r.seconds.toFixed(0)} s run. Times in ms, median / p95, warm-up excluded; ratios of medians.`);
  out.push('Neither server debounces: ours has `diagnosticsDelay: 0`; yaml-language-server\'s fixed 200 ms `validationDelayMs` is set to 0. Each iteration runs ours, yaml-language-server and the bare parse in turn, the order rotating from one iteration to the next.');
  out.push(`Both servers proved to validate first: ours "${r.proof.ours}"; yaml-language-server "${r.proof.yamlLs}".`);
  out.push('');
  out.push('**didChange (full text, one value edited) → publishDiagnostics**');
  out.push('');
  out.push(table(
    ['size', 'lines', 'ours', 'yaml-language-server', 'bare `yaml` parse', 'yaml-ls ÷ ours', 'ours ÷ parse', 'diagnostics (ours / yaml-ls)', 'n (ours / yaml-ls / parse)'],
    r.sizes.map((s) => [
      s.name, String(s.lines), medP95(s.ours.diagnostics), medP95(s.yamlLs.diagnostics), medP95(s.parse),
      ratio(s.yamlLs.diagnostics.median / s.ours.diagnostics.median), ratio(s.ours.diagnostics.median / s.parse.median),
      `${s.ours.reported} / ${s.yamlLs.reported}`, `${n(s.ours.diagnostics)} / ${n(s.yamlLs.diagnostics)} / ${n(s.parse)}`,
    ]),
  ));
  out.push('');
  out.push('**What a user sees: didChange → publishDiagnostics with both servers at their defaults** (the edit sent as VS Code sends it to a server that asks for incremental sync, as both do: the changed range; ours: the wait follows the check\'s cost; yaml-language-server: its 200 ms validation delay)');
  out.push('');
  out.push(table(
    ['size', 'lines', 'ours', 'yaml-language-server', 'yaml-ls ÷ ours', 'n (ours / yaml-ls)'],
    r.atDefaults.map((s) => [s.name, String(s.lines), medP95(s.ours), medP95(s.yamlLs), ratio(s.yamlLs.median / s.ours.median), `${n(s.ours)} / ${n(s.yamlLs)}`]),
  ));
  out.push('');
  out.push('**Completion in the last gateway\'s k8s block (blank line near the end; text unchanged between requests)**');
  out.push('');
  out.push(table(
    ['size', 'ours', 'yaml-language-server', 'yaml-ls ÷ ours', 'items (ours / yaml-ls)', 'n (ours / yaml-ls)'],
    r.sizes.map((s) => [
      s.name, medP95(s.ours.completion), medP95(s.yamlLs.completion), ratio(s.yamlLs.completion.median / s.ours.completion.median),
      `${s.ours.items} / ${s.yamlLs.items}`, `${n(s.ours.completion)} / ${n(s.yamlLs.completion)}`,
    ]),
  ));
  out.push('');
  out.push(`**Where our time goes: the engine in-process on the same text** (LSP round trip of an empty request: ours ${medP95(r.floor.ours)}, yaml-language-server ${medP95(r.floor.yamlLs)})`);
  out.push('');
  out.push(table(
    ['size', 'engine.parse', 'bare `yaml` parse, interleaved', 'engine.parse ÷ bare parse', 'engine.validate (fresh parse)', 'an edit: re-parse + validate', 'engine.complete (docs on resolve)'],
    r.sizes.map((s) => [
      s.name, medP95(s.engine.parse), medP95(s.engine.bareParse), ratio(s.engine.parse.median / s.engine.bareParse.median),
      medP95(s.engine.validate), medP95(s.engine.edit), medP95(s.engine.complete),
    ]),
  ));
  out.push('');
  out.push('**Memory of our server (VmRSS / VmHWM from /proc)**');
  out.push('');
  const m = r.memory;
  out.push(table(['what', 'MB'], [
    ['idle, after initialize', mb(m.idleMb)],
    [`${m.versions} ${m.document} documents open, one per bundled release (every schema loaded), after diagnostics, completion and hover on each`, mb(m.loadedMb)],
    ['peak (VmHWM) of that server', mb(m.peakMb)],
    ['peak (VmHWM) of our server over the timing runs', mb(m.timingPeakOurs)],
    ['peak (VmHWM) of yaml-language-server over the timing runs, for reference', mb(m.timingPeakYamlLs)],
  ]));
  out.push('');
  out.push('**Targets** (shown, not asserted)');
  out.push('');
  const per = (f: (s: SizeResult) => number, ok: (v: number) => boolean, fmt: (v: number) => string) => {
    const parts = r.sizes.map((s) => ({ name: s.name, v: f(s) }));
    const missed = parts.filter((p) => !ok(p.v)).map((p) => p.name);
    return { ok: missed.length === 0, text: parts.map((p) => `${p.name} ${fmt(p.v)}`).join(', ') + (missed.length ? ` — missed on ${missed.join(', ')}` : '') };
  };
  const diag = per((s) => s.yamlLs.diagnostics.median / s.ours.diagnostics.median, (v) => v >= TARGET.speedup, ratio);
  const comp = per((s) => s.yamlLs.completion.median / s.ours.completion.median, (v) => v >= TARGET.speedup, ratio);
  const near = per((s) => s.ours.diagnostics.median / s.parse.median, (v) => v <= TARGET.parseRatio, ratio);
  const large = r.sizes[r.sizes.length - 1];
  const defaults = r.atDefaults.map((s) => ({ name: s.name, v: s.yamlLs.median / s.ours.median }));
  const defaultsMissed = defaults.filter((d) => d.v < TARGET.defaultsSpeedup).map((d) => d.name);
  out.push(`- ${pass(defaultsMissed.length === 0)} at defaults, diagnostics ≥ ${TARGET.defaultsSpeedup}× sooner than yaml-language-server at every size: ${defaults.map((d) => `${d.name} ${ratio(d.v)}`).join(', ')}${defaultsMissed.length ? ` — missed on ${defaultsMissed.join(', ')}` : ''}`);
  const largeDefaults = r.atDefaults[r.atDefaults.length - 1];
  if (largeDefaults) out.push(`- ${pass(largeDefaults.ours.median < TARGET.defaultsLargeMedianMs)} at defaults, our median < ${TARGET.defaultsLargeMedianMs} ms on the ${largeDefaults.name} file: ${ms(largeDefaults.ours.median)} ms`);
  out.push(`- ${pass(diag.ok)} diagnostics ≥ ${TARGET.speedup}× faster than yaml-language-server at every size: ${diag.text}`);
  out.push(`- ${pass(comp.ok)} completion ≥ ${TARGET.speedup}× faster than yaml-language-server at every size: ${comp.text}`);
  out.push(`- ${pass(near.ok)} our diagnostics within ${TARGET.parseRatio}× of the bare parse: ${near.text}`);
  out.push(`- ${pass(large.ours.completion.p95 < TARGET.completionP95Ms)} our completion p95 < ${TARGET.completionP95Ms} ms on the ${large.name} file: ${ms(large.ours.completion.p95)} ms`);
  out.push(`- ${pass((m.loadedMb ?? Infinity) < TARGET.memoryMb)} our server < ${TARGET.memoryMb} MB with every release loaded: ${mb(m.loadedMb)} (peak ${mb(m.peakMb)})`);
  console.log(out.join('\n'));
}
