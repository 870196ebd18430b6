// `iop-lint flags FILE`: the IstioOperator in FILE as istioctl --set flags, one per leaf, read back
// as that release's istioctl reads them; what no flag can write goes to stderr (exit 3).
import fs from 'node:fs';
import { parseArgs as parseNodeArgs } from 'node:util';
import type { Engine } from '../engine/engine.ts';
import { shellQuote } from '../engine/flags/commandLine.ts';
import { parseConfigPath } from '../engine/flags/setPath.ts';
import { documentToFlags } from '../engine/flags/toFlags.ts';
import { optionalRelease, usageMessage } from './args.ts';
import { subcommandErrors, type Io } from './subcommand.ts';

export const FLAGS_USAGE = `Usage: iop-lint flags [--istio-version 1.X] [--config-path PATH] [--one-line] FILE|-

Prints the IstioOperator in FILE as istioctl --set flags: one \`--set path=value\` per value, in
the file's order, paths below spec (\`profile=demo\` is spec.profile), each value written so the
file's release of istioctl reads it back as the same value (\`tag=1.20\` is the number 1.2 up to
1.23 and a string from 1.24, \`true\` is a boolean, …).

What no flag can write (an empty map or list, null, a string istioctl would read as a number or a
boolean, a multi-line string, a value holding \`=\`, metadata) is listed on stderr with the reason,
and left out.

Options:
  --istio-version 1.X  the release, when the file has no \`# istio-version:\` comment
                       (default: spec.tag when it is a release, else the newest bundled)
  --config-path PATH   only this part, below spec (components.pilot, values.global,
                       components.ingressGateways[0])
  --one-line           all flags on one line, for pasting after \`istioctl install\`

Exit status: 0 every value written, 3 some values cannot be written as flags (the others are
printed), 2 usage, read or parse errors.
`;

const { usage, fail } = subcommandErrors('flags');

export function runFlags(engine: Engine, argv: string[], io: Io): number {
  let parsed;
  try {
    parsed = parseNodeArgs({ args: argv, allowPositionals: true, strict: true, options: {
      'istio-version': { type: 'string' }, 'config-path': { type: 'string' }, 'one-line': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    } });
  } catch (e) {
    return usage(io, usageMessage(e));
  }
  const v = parsed.values;
  if (v.help) { io.out(FLAGS_USAGE); return 0; }
  if (parsed.positionals.length !== 1) return usage(io, 'name one FILE (or - for stdin).');
  const release = optionalRelease(v['istio-version'], engine.store.minors);
  if ('message' in release) return usage(io, release.message);
  const setting = release.version;
  const at = v['config-path'] === undefined ? undefined : parseConfigPath(v['config-path']);
  if (at && 'message' in at) return usage(io, at.message);
  const name = parsed.positionals[0];
  let text: string;
  try {
    text = fs.readFileSync(name === '-' ? 0 : name, 'utf8');
  } catch (e) {
    return fail(io, `cannot read ${name}: ${(e as Error).message}`);
  }
  const file = engine.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const docs = file.documents.filter((d) => d.isIstioOperator);
  const doc = docs[0];
  if (!doc) return fail(io, `${name} holds no IstioOperator document.`);
  const syntax = doc.problems.find((p) => p.code === 'yaml-syntax');
  if (syntax) {
    const pos = file.lines.position(syntax.start);
    return fail(io, `${name}:${pos.line + 1}:${pos.character + 1}: ${syntax.message}`);
  }
  const { version } = engine.versionOf(file, doc, { setting });
  const r = documentToFlags(doc.doc, version, { at, maxAliasExpansions: engine.limits.maxAliasExpansions, maxDepth: engine.limits.maxDepth });
  const words = r.flags.map((f) => `--set ${shellQuote(f.arg)}`);
  if (words.length) io.out(v['one-line'] ? `${words.join(' ')}\n` : `${words.join('\n')}\n`);
  if (docs.length > 1) io.err(`iop-lint flags: ${name} holds ${docs.length} IstioOperators; these are the flags of the first.\n`);
  for (const n of r.notes) io.err(`iop-lint flags: ${n}\n`);
  if (!r.problems.length) return 0;
  const plural = r.problems.length === 1 ? 'value cannot be written as a --set flag' : 'values cannot be written as --set flags';
  io.err(`iop-lint flags: ${r.problems.length} ${plural} for istioctl ${version} (${r.releases} rules); left out:\n`);
  for (const p of r.problems) io.err(`  ${p.path || '(document)'}: ${p.reason}\n`);
  return 3;
}
