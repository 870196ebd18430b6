// `iop-lint effective FILE`: the effective IstioOperator (the profile with the file merged over it,
// as that release's istioctl merges them) on stdout, like `istioctl profile dump -f FILE`.
import { parseArgs as parseNodeArgs } from 'node:util';
import { effectiveYaml, subtree } from '../engine/effective/effective.ts';
import type { Engine } from '../engine/engine.ts';
import { optionalRelease, usageMessage } from './args.ts';
import { subcommandErrors, type Io } from './subcommand.ts';
import { readOperator } from './readOperator.ts';

export const EFFECTIVE_USAGE = `Usage: iop-lint effective [--istio-version 1.X] [--config-path PATH] [--origins] [--no-chart-defaults] FILE

Prints the effective IstioOperator of FILE: its release's built-in profile (spec.profile, else
default) with the file merged over it, as istioctl of that release merges them
(istioctl profile dump -f FILE).

Options:
  --istio-version 1.X  the release, when the file has no \`# istio-version:\` comment
  --config-path PATH   print only this part, below spec (components,
                       values.gateways.istio-egressgateway.secretVolumes, components.ingressGateways[0])
  --origins            end each value's line with where it comes from (this file, profile NAME,
                       chart NAME)
  --no-chart-defaults  leave out the Helm charts' defaults under values (1.21+), as profile dump does

Exit status: 0 printed, 2 usage, read or parse errors (the message on stderr).
`;

const { usage, fail } = subcommandErrors('effective');

export function runEffective(engine: Engine, argv: string[], io: Io): number {
  let parsed;
  try {
    parsed = parseNodeArgs({ args: argv, allowPositionals: true, strict: true, options: {
      'istio-version': { type: 'string' }, 'config-path': { type: 'string' }, origins: { type: 'boolean' }, 'no-chart-defaults': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    } });
  } catch (e) {
    return usage(io, usageMessage(e));
  }
  const v = parsed.values;
  if (v.help) { io.out(EFFECTIVE_USAGE); return 0; }
  if (parsed.positionals.length !== 1) return usage(io, 'name one FILE.');
  const release = optionalRelease(v['istio-version'], engine.store.minors);
  if ('message' in release) return usage(io, release.message);
  const setting = release.version;
  const file = parsed.positionals[0];
  const read = readOperator(engine, file);
  if (!read.ok) return fail(io, read.message);
  const { file: parsedFile, doc } = read;
  const result = engine.effective(parsedFile, doc, { setting }, { chartDefaults: !v['no-chart-defaults'] });
  if (!result.ok) return fail(io, `${file}: ${result.message}`);
  const { tree, origins } = result.config;
  const part = v['config-path'] === undefined ? { ok: true as const, value: tree, path: [] } : subtree(tree, v['config-path']);
  if (!part.ok) return fail(io, `${file}: ${part.message}`);
  io.out(effectiveYaml(part.value, { origins: v.origins ? origins : undefined, at: part.path }));
  return 0;
}
