// `iop-lint upgrade-report --to 1.Y FILE`: what the same file means on a later release, as Markdown
// (or JSON, one entry per finding), read offline at every release on the way.
import path from 'node:path';
import { parseArgs as parseNodeArgs } from 'node:util';
import type { Engine } from '../engine/engine.ts';
import { upgradeMarkdown } from '../engine/upgrade/markdown.ts';
import { checkVersion, optionalRelease, usageMessage } from './args.ts';
import { subcommandErrors, type Io } from './subcommand.ts';
import { readOperator } from './readOperator.ts';

export const UPGRADE_USAGE = `Usage: iop-lint upgrade-report --to 1.Y [--istio-version 1.X] [--format markdown|json] FILE

Reads FILE at its release (1.X) and at every release up to 1.Y, and reports what changes for it:
settings that moved, went or are refused (with the release that changed them and the
replacement), defaults that change under it, istioctl commands that change, and the hops of an
in-place upgrade (one minor at a time).

Options:
  --to 1.Y             the release to upgrade to (required)
  --istio-version 1.X  the release the file is for, when it has no \`# istio-version:\` comment
                       (default: spec.tag when it is a release, else the newest bundled)
  --format FORMAT      markdown (default), or json: {"from","to","hops","findings":[{kind,
                       path, line, message, release, ...}]}

Exit status: 0 reported, 1 reported and the file has errors at 1.Y that it has not at 1.X,
2 usage, read or parse errors (the message on stderr).
`;

const { usage, fail } = subcommandErrors('upgrade-report');

export function runUpgradeReport(engine: Engine, argv: string[], io: Io): number {
  let parsed;
  try {
    parsed = parseNodeArgs({ args: argv, allowPositionals: true, strict: true, options: {
      to: { type: 'string' }, 'istio-version': { type: 'string' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    } });
  } catch (e) {
    return usage(io, usageMessage(e));
  }
  const v = parsed.values;
  if (v.help) { io.out(UPGRADE_USAGE); return 0; }
  if (parsed.positionals.length !== 1) return usage(io, 'name one FILE.');
  if (v.to === undefined) return usage(io, 'name the release to upgrade to with --to 1.Y.');
  const format = v.format ?? 'markdown';
  if (format !== 'markdown' && format !== 'json') return usage(io, `--format is markdown or json, not \`${format}\`.`);
  const to = checkVersion(v.to, engine.store.minors, '--to');
  if ('message' in to) return usage(io, to.message);
  if (!to.version) return usage(io, '--to names a release (1.Y), not `auto`.');
  const release = optionalRelease(v['istio-version'], engine.store.minors);
  if ('message' in release) return usage(io, release.message);
  const setting = release.version;
  const file = parsed.positionals[0];
  const read = readOperator(engine, file);
  if (!read.ok) return fail(io, read.message);
  // --istio-version names the file's release, as the comment would: it wins over the comment here.
  const result = engine.upgradeReport(read.file, to.version, setting ? { release: setting } : {});
  if (!result.ok) return fail(io, `${file}: ${result.message}`);
  const { report } = result;
  if (format === 'json') {
    io.out(`${JSON.stringify({ from: report.from, to: report.to, hops: report.hops.map((h) => h.version), findings: report.findings }, null, 2)}\n`);
  } else {
    io.out(upgradeMarkdown(report, path.basename(file)));
  }
  return report.settings.some((s) => s.severity === 'error') ? 1 : 0;
}
