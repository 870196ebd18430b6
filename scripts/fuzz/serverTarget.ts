// Feeds mutated files to the running language server over LSP (didOpen, didChange, completion,
// hover) and checks: it answers within a bound, never dies, and every range is inside its document.
import fs from 'node:fs';
import { LspClient, type Range } from '../../test/support/lspClient.ts';
import { inputs, type Report } from './inputs.ts';
import { Random } from './random.ts';

interface Options { seed: number; count: number; seconds: number; maxMs: number; seeds: string[] }

function rssMb(pid: number | undefined): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch { return 0; }
}

function inside(text: string, range: Range): boolean {
  const lines = text.split(/\r\n|\r|\n/);
  return [range.start, range.end].every((p) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length);
}

export async function fuzzServer(opts: Options): Promise<Report> {
  const r = new Random(opts.seed + 1);
  const client = new LspClient();
  const pid = (client as unknown as { child: { pid?: number } }).child.pid;
  await client.initialize({ initializationOptions: { diagnosticsDelay: 0 } });
  const report: Report = { perClass: {}, slowest: { kind: '', ms: 0, size: 0 }, failures: [], peakRssMb: 0, ran: 0 };
  const deadline = Date.now() + opts.seconds * 1000;
  let n = 0;
  const errors: string[] = [];
  const pending = [...inputs(r, opts.seeds, opts.count)];
  for (let i = 0; i + 1 < pending.length; i += 2) {
    if (Date.now() > deadline) break;
    const first = pending[i];
    const second = pending[i + 1];
    const uri = `file:///fuzz/input-${n++}.yaml`;
    for (const { kind } of [first, second]) report.perClass[kind] = (report.perClass[kind] ?? 0) + 1;
    report.ran += 2;
    const t0 = performance.now();
    try {
      client.open(uri, first.text, 1);
      const d1 = await client.diagnostics(uri, { version: 1, timeout: opts.maxMs });
      for (const d of d1.diagnostics) if (!inside(first.text, d.range)) throw new Error(`diagnostic ${d.code} outside the document`);
      client.change(uri, 2, [{ text: second.text }]);
      const d2 = await client.diagnostics(uri, { version: 2, timeout: opts.maxMs });
      for (const d of d2.diagnostics) if (!inside(second.text, d.range)) throw new Error(`diagnostic ${d.code} outside the document`);
      const lines = second.text.split('\n').length;
      for (let k = 0; k < 2; k++) {
        const position = { line: r.int(lines + 2), character: r.int(80) };
        await client.request('textDocument/completion', { textDocument: { uri }, position }, opts.maxMs);
        const hover = await client.request<{ range?: Range } | null>('textDocument/hover', { textDocument: { uri }, position }, opts.maxMs);
        if (hover?.range && !inside(second.text, hover.range)) throw new Error('hover range outside the document');
      }
      client.close(uri);
    } catch (err) {
      report.failures.push(`${first.kind}→${second.kind}: ${(err as Error).message}`);
      if (report.failures.length > 20) break;
    }
    const ms = performance.now() - t0;
    if (ms > report.slowest.ms) report.slowest = { kind: `${first.kind}→${second.kind}`, ms, size: first.text.length + second.text.length };
    report.peakRssMb = Math.max(report.peakRssMb, rssMb(pid));
    errors.push(...client.errorLogs());
    client.notifications.length = 0; // keep the client's memory flat over a long run
  }
  if (errors.length) report.failures.push(`server logged errors: ${errors.slice(0, 3).join(' | ')}`);
  const exit = await client.shutdown();
  if (exit.code !== 0) report.failures.push(`server exited with ${exit.code ?? exit.signal}`);
  return report;
}
