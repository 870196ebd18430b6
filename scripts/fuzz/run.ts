// npm run fuzz: seeded, bounded fuzzing of the engine and the running language server.
//   FUZZ_SEED (1)  FUZZ_COUNT (2000 inputs per target)  FUZZ_SECONDS (300 per target)  FUZZ_MAX_MS (5000 per input)
//   FUZZ_MAX_RSS_MB (768: the memory bound for the engine's process and for the server's)
import fs from 'node:fs';
import path from 'node:path';
import { Engine } from '../../server/src/engine/engine.ts';
import { runEngine } from './engineTarget.ts';
import { inputs, seedFiles, type Report } from './inputs.ts';
import { Random } from './random.ts';

const seed = Number(process.env.FUZZ_SEED ?? 1);
const count = Number(process.env.FUZZ_COUNT ?? 2000);
const seconds = Number(process.env.FUZZ_SECONDS ?? 300);
const maxMs = Number(process.env.FUZZ_MAX_MS ?? 5000);
const maxRssMb = Number(process.env.FUZZ_MAX_RSS_MB ?? 768);

export function fuzzEngine(): Report {
  const engine = new Engine();
  const r = new Random(seed);
  const seeds = seedFiles();
  const report: Report = { perClass: {}, slowest: { kind: '', ms: 0, size: 0 }, failures: [], peakRssMb: 0, ran: 0 };
  const deadline = Date.now() + seconds * 1000;
  for (const { kind, text } of inputs(r, seeds, count)) {
    if (Date.now() > deadline) break;
    report.perClass[kind] = (report.perClass[kind] ?? 0) + 1;
    report.ran++;
    try {
      const { ms } = runEngine(engine, text, r);
      if (ms > report.slowest.ms) report.slowest = { kind, ms, size: text.length };
      if (ms > maxMs) report.failures.push(`${kind}: took ${ms.toFixed(0)} ms (bound ${maxMs} ms) on ${text.length} chars`);
    } catch (err) {
      report.failures.push(`${kind}: ${(err as Error).stack?.split('\n').slice(0, 3).join(' | ')}`);
    }
    report.peakRssMb = Math.max(report.peakRssMb, process.memoryUsage().rss / 1048576);
  }
  return report;
}

/** Memory is bounded: a peak over the limit is a failure like a crash. */
function checkMemory(rep: Report) {
  if (rep.peakRssMb > maxRssMb) rep.failures.push(`peak RSS ${rep.peakRssMb.toFixed(0)} MB is over the ${maxRssMb} MB bound`);
}

function print(target: string, rep: Report) {
  console.log(`\n${target}: ${rep.ran} inputs (seed ${seed})`);
  for (const [k, n] of Object.entries(rep.perClass)) console.log(`  ${k.padEnd(14)} ${n}`);
  console.log(`  slowest: ${rep.slowest.kind} ${rep.slowest.ms.toFixed(1)} ms (${rep.slowest.size} chars); peak RSS ${rep.peakRssMb.toFixed(0)} MB`);
  for (const f of rep.failures.slice(0, 20)) console.log(`  FAIL ${f}`);
}

async function main() {
  let failed = false;
  process.on('unhandledRejection', (e) => { console.error('unhandled rejection', e); failed = true; });
  const engineReport = fuzzEngine();
  checkMemory(engineReport);
  print('engine', engineReport);
  failed ||= engineReport.failures.length > 0;
  const serverTarget = path.join(import.meta.dirname, 'serverTarget.ts');
  if (fs.existsSync(serverTarget)) {
    const { fuzzServer } = await import('./serverTarget.ts');
    const serverReport: Report = await fuzzServer({ seed, count: Math.ceil(count / 4), seconds, maxMs, seeds: seedFiles() });
    checkMemory(serverReport);
    print('server (LSP over stdio)', serverReport);
    failed ||= serverReport.failures.length > 0;
  }
  console.log(failed ? '\nfuzz: FAILED' : '\nfuzz: no crash, no hang, every range inside its document');
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) void main();
