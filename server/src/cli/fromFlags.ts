// `iop-lint from-flags [FILE|-]`: a pasted istioctl command line's --set flags as an IstioOperator
// YAML, typed the way the release's istioctl types them.
import fs from 'node:fs';
import { parseArgs as parseNodeArgs } from 'node:util';
import type { Engine } from '../engine/engine.ts';
import { commandLineFlags } from '../engine/flags/commandLine.ts';
import { operatorFromFlags } from '../engine/flags/fromFlags.ts';
import { optionalRelease, usageMessage } from './args.ts';
import { subcommandErrors, type Io } from './subcommand.ts';

export const FROM_FLAGS_USAGE = `Usage: iop-lint from-flags [--istio-version 1.X] [FILE|-]

Reads an istioctl command line (from FILE, or stdin) and prints the IstioOperator its --set flags
make: \`istioctl install --set a=b -s c=d\`, \`--set=a=b\`, one flag per line, quoted values
(\`--set 'a=b c'\`), backslash line continuations. Paths are below spec (\`profile=demo\` is
spec.profile); values are typed as that release's istioctl types them (\`tag=1.20\` is the number
1.2 up to 1.23 and the string "1.20" from 1.24; \`x=true\` a boolean; \`x=10\` a number).
Other flags and words are skipped; -f files are named on stderr, not read.

Options:
  --istio-version 1.X  read the flags as this release's istioctl (default: the release \`--set
                       tag=\` names, else the newest bundled)

Exit status: 0 printed, 3 some flags are left out (istioctl would reject them, or they select
list entries no file gives; the reasons on stderr), 2 usage or read errors, or no --set flag.
`;

const { usage, fail } = subcommandErrors('from-flags');

export function runFromFlags(engine: Engine, argv: string[], io: Io): number {
  let parsed;
  try {
    parsed = parseNodeArgs({ args: argv, allowPositionals: true, strict: true, options: {
      'istio-version': { type: 'string' }, help: { type: 'boolean', short: 'h' },
    } });
  } catch (e) {
    return usage(io, usageMessage(e));
  }
  const v = parsed.values;
  if (v.help) { io.out(FROM_FLAGS_USAGE); return 0; }
  if (parsed.positionals.length > 1) return usage(io, 'name at most one FILE (or - for stdin).');
  const release = optionalRelease(v['istio-version'], engine.store.minors);
  if ('message' in release) return usage(io, release.message);
  const setting = release.version;
  const name = parsed.positionals[0] ?? '-';
  let text: string;
  try {
    text = fs.readFileSync(name === '-' ? 0 : name, 'utf8');
  } catch (e) {
    return fail(io, `cannot read ${name === '-' ? 'stdin' : name}: ${(e as Error).message}`);
  }
  const line = commandLineFlags(text);
  if (!line.flags.length) return fail(io, `no --set flag in ${name === '-' ? 'the input' : name}.`);
  // The release: --istio-version, else what the engine picks for the YAML (its spec.tag), else the newest.
  const newest = engine.store.minors[engine.store.minors.length - 1];
  let version = setting ?? newest;
  let result = operatorFromFlags(line, version);
  if (!setting) {
    const file = engine.parse(result.yaml);
    const chosen = engine.versionOf(file, file.documents[0]).version;
    if (chosen !== version) { version = chosen; result = operatorFromFlags(line, version); }
    io.err(`iop-lint from-flags: flags read as istioctl ${version} reads them (${result.releases} rules; --istio-version 1.X to choose).\n`);
  }
  io.out(result.yaml);
  for (const n of result.notes) io.err(`iop-lint from-flags: ${n}\n`);
  if (!result.errors.length) return 0;
  io.err(`iop-lint from-flags: ${result.errors.length} flag${result.errors.length === 1 ? '' : 's'} left out:\n`);
  for (const e of result.errors) io.err(`  --set ${e.flag}: ${e.message}\n`);
  return 3;
}
