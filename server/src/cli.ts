// iop-lint: checks IstioOperator files from the command line, with the language server's engine.
//   iop-lint [--istio-version 1.X] [--format text|json|sarif] [--strict] [--lang zh-CN] PATH...
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
import type { Locale } from './engine/l10n/locale.ts';
import { t } from './engine/l10n/messages.ts';
import { takeLang } from './cli/lang.ts';

export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

interface Io {
  cwd: string;
  out: (s: string) => void;
  err: (s: string) => void;
}

export function main(argv: string[], io: Io, env: Readonly<Record<string, string | undefined>> = process.env): number {
  const lang = takeLang(argv, env);
  if ('error' in lang) {
    io.err(`${t(lang.locale, 'cli.usageError', { message: lang.error })}\n`);
    return EXIT.usage;
  }
  const { locale } = lang;
  argv = lang.argv;
  const engine = new Engine({ locale });
  if (argv[0] === 'effective') return runEffective(engine, argv.slice(1), io);
  if (argv[0] === 'flags') return runFlags(engine, argv.slice(1), io);
  if (argv[0] === 'from-flags') return runFromFlags(engine, argv.slice(1), io);
  if (argv[0] === 'init') return runInit(engine, argv.slice(1), io);
  if (argv[0] === 'upgrade-report') return runUpgradeReport(engine, argv.slice(1), io);
  const args = parseArgs(argv, engine.store.minors, locale);
  if (args.kind === 'help') {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (args.kind === 'usage-error') {
    io.err(`${t(locale, 'cli.usageError', { message: args.message })}\n`);
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

  for (const p of readProblems) io.err(`${t(engine.locale, 'cli.cannotRead', { path: p.display, error: p.message })}\n`);
  if (options.format === 'json') io.out(formatJson(results));
  else if (options.format === 'sarif') io.out(formatSarif(results, readProblems, io.cwd, toolVersion));
  else io.out(formatText(results));

  const c = counts(results);
  io.err(`${summary(c, results.length, engine.locale)}\n`);
  if (readProblems.length) return EXIT.usage;
  return c.errors > 0 || (options.strict && c.warnings > 0) ? EXIT.problems : EXIT.ok;
}

function summary(c: { errors: number; warnings: number; information: number }, files: number, locale: Locale): string {
  if (files === 0) return t(locale, 'cli.noFiles');
  const count = (n: number, one: 'cli.error' | 'cli.warning' | 'cli.file', many: 'cli.errors' | 'cli.warnings' | 'cli.files') => t(locale, n === 1 ? one : many, { count: n });
  const parts = [count(c.errors, 'cli.error', 'cli.errors'), count(c.warnings, 'cli.warning', 'cli.warnings')];
  if (c.information) parts.push(t(locale, 'cli.information', { count: c.information }));
  return t(locale, 'cli.summary', { problems: parts.reduce((a, b) => t(locale, 'cli.list', { a, b })), files: count(files, 'cli.file', 'cli.files') });
}

process.exitCode = main(process.argv.slice(2), {
  cwd: process.cwd(),
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
});
