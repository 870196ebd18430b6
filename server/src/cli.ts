// iop-lint: checks IstioOperator files from the command line, with the language server's engine.
//   iop-lint [--istio-version 1.X] [--format text|json|sarif] [--strict] PATH...
import fs from 'node:fs';
import { version as toolVersion } from '../../package.json';
import { parseArgs, USAGE, type CliOptions } from './cli/args.ts';
import { collectTargets, readError, type ReadProblem } from './cli/files.ts';
import { formatJson } from './cli/formatJson.ts';
import { formatSarif } from './cli/formatSarif.ts';
import { formatText } from './cli/formatText.ts';
import { counts, lintText, type FileResult } from './cli/lint.ts';
import { runEffective } from './cli/effective.ts';
import { runFlags } from './cli/flags.ts';
import { runFromFlags } from './cli/fromFlags.ts';
import { runInit } from './cli/init.ts';
import { runUpgradeReport } from './cli/upgradeReport.ts';
import { Engine } from './engine/engine.ts';

export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

interface Io {
  cwd: string;
  out: (s: string) => void;
  err: (s: string) => void;
}

export function main(argv: string[], io: Io): number {
  const engine = new Engine();
  if (argv[0] === 'effective') return runEffective(engine, argv.slice(1), io);
  if (argv[0] === 'flags') return runFlags(engine, argv.slice(1), io);
  if (argv[0] === 'from-flags') return runFromFlags(engine, argv.slice(1), io);
  if (argv[0] === 'init') return runInit(engine, argv.slice(1), io);
  if (argv[0] === 'upgrade-report') return runUpgradeReport(engine, argv.slice(1), io);
  const args = parseArgs(argv, engine.store.minors);
  if (args.kind === 'help') {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (args.kind === 'usage-error') {
    io.err(`iop-lint: ${args.message}\nRun \`iop-lint --help\` for usage.\n`);
    return EXIT.usage;
  }
  return run(engine, args.options, io);
}

function run(engine: Engine, options: CliOptions, io: Io): number {
  const { targets, problems } = collectTargets(options.paths, io.cwd);
  const results: FileResult[] = [];
  const readProblems: ReadProblem[] = [...problems];
  for (const target of targets) {
    let text: string;
    try {
      text = fs.readFileSync(target.absolute, 'utf8');
    } catch (e) {
      readProblems.push({ display: target.display, message: readError(e) });
      continue;
    }
    // Relative paths in the file (spec.profile) resolve against its folder or the current one, as istioctl's would.
    const r = lintText(engine, text, { setting: options.istioVersion, documentPath: target.absolute, workspaceFolders: [io.cwd] });
    if ((!target.explicit || options.onlyIstioOperator) && !r.hasIstioOperator) continue;
    results.push({ display: target.display, absolute: target.absolute, istioVersion: r.istioVersion, diagnostics: r.diagnostics });
  }

  for (const p of readProblems) io.err(`iop-lint: cannot read ${p.display}: ${p.message}\n`);
  if (options.format === 'json') io.out(formatJson(results));
  else if (options.format === 'sarif') io.out(formatSarif(results, readProblems, io.cwd, toolVersion));
  else io.out(formatText(results));

  const c = counts(results);
  io.err(`${summary(c, results.length)}\n`);
  if (readProblems.length) return EXIT.usage;
  return c.errors > 0 || (options.strict && c.warnings > 0) ? EXIT.problems : EXIT.ok;
}

function summary(c: { errors: number; warnings: number; information: number }, files: number): string {
  if (files === 0) return 'iop-lint: no IstioOperator files found.';
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [plural(c.errors, 'error'), plural(c.warnings, 'warning')];
  if (c.information) parts.push(`${c.information} information`);
  return `iop-lint: ${parts.join(', ')} in ${plural(files, 'file')}.`;
}

process.exitCode = main(process.argv.slice(2), {
  cwd: process.cwd(),
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
});
