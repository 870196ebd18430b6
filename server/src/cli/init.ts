// `iop-lint init`: a new IstioOperator for one release (monitoring with kube-prometheus, tracing,
// access logs, gateways, hub) on stdout, or with --out-dir as custom-operator.yml beside the
// prometheus-operator.yaml and telemetry.yaml it needs. The files come from the engine
// (engine/init/newOperator.ts), the same as the editor's "Istio: New IstioOperator File…".
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs as parseNodeArgs } from 'node:util';
import type { Engine } from '../engine/engine.ts';
import { MONITORING_CHOICES, TRACING_CHOICES, newOperatorFiles, type InitOptions, type Monitoring, type Tracing } from '../engine/init/newOperator.ts';
import { checkVersion, usageMessage } from './args.ts';
import { subcommandErrors, type Io } from './subcommand.ts';

export const INIT_USAGE = `Usage: iop-lint init --istio-version 1.X [--profile P] [--monitoring kube-prometheus]
                     [--tracing zipkin|opentelemetry] [--sampling PCT] [--hub H] [--access-logs]
                     [--no-ingress | --ingress] [--egress | --no-egress] [--out-dir DIR [--force]]

Writes a new IstioOperator for that Istio release (its first lines say how it was made, and
\`# istio-version: 1.X\`), valid for that release's istioctl. Without --out-dir it is printed on
stdout (and the other files it needs are named on stderr); with --out-dir DIR the files are
DIR/custom-operator.yml, DIR/prometheus-operator.yaml (--monitoring) and DIR/telemetry.yaml
(tracing through the Telemetry API: OpenTelemetry, and Zipkin from 1.22).

Options:
  --istio-version 1.X       the release (required): 1.5 or any later bundled one
  --profile P               a built-in profile of that release (default: default)
  --monitoring kube-prometheus
                            no bundled Prometheus (1.5–1.6), Istio's metrics for Prometheus, and the
                            ServiceMonitor/PodMonitor objects of Istio's sample in prometheus-operator.yaml
  --tracing zipkin          Zipkin/Jaeger at zipkin.istio-system:9411 (proxy config up to 1.21,
                            an extension provider and a Telemetry resource from 1.22)
  --tracing opentelemetry   an OpenTelemetry collector (OTLP/gRPC), 1.16+
  --sampling PCT            percent of requests traced, 0–100 (default: Istio's 1%)
  --tracing-service HOST    the trace collector's service (default: the one Istio's sample deploys)
  --tracing-port PORT       its port (default 9411 for Zipkin, 4317 for OpenTelemetry)
  --hub H                   the registry images come from (spec.hub)
  --access-logs             Envoy access logs on every proxy's stdout
  --no-ingress, --ingress   turn the ingress gateway off / on (default: as the profile has it)
  --egress, --no-egress     turn the egress gateway on / off (default: as the profile has it)
  --out-dir DIR             write the files into DIR (created if missing) instead of stdout
  --force                   overwrite files that already exist in DIR
  -h, --help                show this help

Only HTTP/1.1, HTTP/2 and gRPC calls are traced by the mesh; applications forward the trace headers.

Exit status: 0 written, 2 usage, a choice the release cannot do, or a file that exists (the
message on stderr).
`;

const { usage, fail } = subcommandErrors('init');

export function runInit(engine: Engine, argv: string[], io: Io): number {
  let parsed;
  try {
    parsed = parseNodeArgs({ args: argv, allowPositionals: true, strict: true, options: {
      'istio-version': { type: 'string' }, profile: { type: 'string' }, monitoring: { type: 'string' }, tracing: { type: 'string' },
      sampling: { type: 'string' }, 'tracing-service': { type: 'string' }, 'tracing-port': { type: 'string' }, hub: { type: 'string' },
      'access-logs': { type: 'boolean' }, ingress: { type: 'boolean' }, 'no-ingress': { type: 'boolean' }, egress: { type: 'boolean' }, 'no-egress': { type: 'boolean' },
      'out-dir': { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    } });
  } catch (e) {
    return usage(io, usageMessage(e));
  }
  const v = parsed.values;
  if (v.help) { io.out(INIT_USAGE); return 0; }
  if (parsed.positionals.length) return usage(io, `unexpected argument \`${parsed.positionals[0]}\`: init takes only options.`);
  if (v['istio-version'] === undefined) return usage(io, 'name the release: --istio-version 1.X.');
  const release = checkVersion(v['istio-version'], engine.store.minors);
  if ('message' in release) return usage(io, release.message);
  if (release.version === undefined) return usage(io, '--istio-version needs a release (1.X), not auto.');
  if (v.ingress && v['no-ingress']) return usage(io, '--ingress and --no-ingress contradict each other.');
  if (v.egress && v['no-egress']) return usage(io, '--egress and --no-egress contradict each other.');
  if (v.monitoring !== undefined && !(MONITORING_CHOICES as readonly string[]).includes(v.monitoring)) return usage(io, `unknown --monitoring \`${v.monitoring}\`; use ${MONITORING_CHOICES.join(', ')}.`);
  if (v.tracing !== undefined && !(TRACING_CHOICES as readonly string[]).includes(v.tracing)) return usage(io, `unknown --tracing \`${v.tracing}\`; use ${TRACING_CHOICES.join(' or ')}.`);
  if (v.force && v['out-dir'] === undefined) return usage(io, '--force only applies with --out-dir.');
  const sampling = number(v.sampling, '--sampling');
  if (typeof sampling === 'string') return usage(io, sampling);
  const port = number(v['tracing-port'], '--tracing-port');
  if (typeof port === 'string') return usage(io, port);

  const gateways: InitOptions['gateways'] = {};
  if (v.ingress || v['no-ingress']) gateways.ingress = !!v.ingress;
  if (v.egress || v['no-egress']) gateways.egress = !!v.egress;
  const options: InitOptions = {
    istioVersion: release.version,
    profile: v.profile,
    gateways: Object.keys(gateways).length ? gateways : undefined,
    hub: v.hub,
    accessLogs: v['access-logs'] || undefined,
    monitoring: v.monitoring as Monitoring | undefined,
    tracing: v.tracing as Tracing | undefined,
    samplingRate: sampling,
    tracingService: v['tracing-service'],
    tracingPort: port,
  };
  const result = newOperatorFiles(engine.store, options);
  if (!result.ok) return fail(io, result.message);

  const outDir = v['out-dir'];
  if (outDir === undefined) {
    io.out(result.files[0].text);
    const others = result.files.slice(1);
    if (others.length) io.err(`iop-lint init: this setup also needs ${others.map((f) => `${f.name} (${f.description})`).join(' and ')}; run with --out-dir DIR to write ${others.length === 1 ? 'it' : 'them'}.\n`);
    for (const n of result.notes) io.err(`  - ${n}\n`);
    return 0;
  }
  const dir = path.resolve(io.cwd, outDir);
  const targets = result.files.map((f) => ({ file: f, at: path.join(dir, f.name) }));
  const existing = targets.filter((t) => fs.existsSync(t.at));
  if (existing.length && !v.force) {
    return fail(io, `${existing.map((t) => t.at).join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written. Use --force to overwrite, or another --out-dir.`);
  }
  try {
    fs.mkdirSync(dir, { recursive: true });
    for (const t of targets) fs.writeFileSync(t.at, t.file.text);
  } catch (e) {
    return fail(io, `cannot write into ${dir}: ${e instanceof Error ? e.message : String(e)}`);
  }
  for (const t of targets) io.err(`iop-lint init: wrote ${t.at}${existing.some((x) => x.at === t.at) ? ' (overwritten)' : ''}\n`);
  for (const n of result.notes) io.err(`  - ${n}\n`);
  return 0;
}

/** A number flag: the number, undefined when absent, or the usage message. */
function number(raw: string | undefined, flag: string): number | undefined | string {
  if (raw === undefined) return undefined;
  const n = Number(raw.trim().replace(/%$/, ''));
  return raw.trim() !== '' && Number.isFinite(n) ? n : `${flag} \`${raw}\` is not a number.`;
}
