// A new IstioOperator file for one Istio release, in the style of a team's `custom-operator.yml`:
// profile, hub, gateways and access logs; monitoring with kube-prometheus (the Prometheus
// Operator's ServiceMonitor/PodMonitor objects in a second file, prometheus-operator.yaml); tracing
// to Zipkin/Jaeger or an OpenTelemetry collector (the Telemetry resource it needs in telemetry.yaml).
// What each release needs is in eras.ts and monitors.ts; this file only assembles it. Every setting
// written is checked against the release's schema before the file is returned, so a table row that
// names a path the release does not have is refused here, not installed.
import YAML from 'yaml';
import { version as toolVersion } from '../../../../package.json';
import { profileTree, type ProfileData } from '../effective/effective.ts';
import { isObject, mergeEra, type Json, type JsonObject } from '../effective/merge.ts';
import { LATEST } from '../releases.ts';
import type { SchemaStore, IstioSchema } from '../schema/schemaStore.ts';
import { COMMAND_TASKS } from '../upgrade/commands.ts';
import {
  ACCESS_LOGS, ISTIO_NAMESPACE, MONITORING, OPENTELEMETRY, PROVIDER_NAMES, TELEMETRY_API, TRACING_CAVEAT, ZIPKIN,
  minorOf, rangeText, rowFor, type Setting, type TracingEra,
} from './eras.ts';
import { MONITORS } from './monitors.ts';

export const MONITORING_CHOICES = ['kube-prometheus'] as const;
export const TRACING_CHOICES = ['zipkin', 'opentelemetry'] as const;
export type Monitoring = (typeof MONITORING_CHOICES)[number];
export type Tracing = (typeof TRACING_CHOICES)[number];

export interface InitOptions {
  /** A bundled minor: "1.20". */
  istioVersion: string;
  /** A built-in profile of that release; default `default`. */
  profile?: string;
  /** Gateways on or off; a gateway left undefined is as the profile has it (and not written). */
  gateways?: { ingress?: boolean; egress?: boolean };
  /** The registry images come from (`spec.hub`). */
  hub?: string;
  /** Envoy access logs on every proxy's stdout. */
  accessLogs?: boolean;
  monitoring?: Monitoring;
  tracing?: Tracing;
  /** Percent of requests traced, 0–100 (needs `tracing`); unset: the release's default, 1%. */
  samplingRate?: number;
  /** The trace collector's host (a Kubernetes service name) and port; default: the one Istio's samples deploy for that release. */
  tracingService?: string;
  tracingPort?: number;
  /** Who is making the file, for its first line; default `iop-lint init`. */
  madeBy?: string;
}

export type InitFileName = 'custom-operator.yml' | 'prometheus-operator.yaml' | 'telemetry.yaml';

export interface InitFile {
  name: InitFileName;
  /** What it is, for a person choosing where to save it. */
  description: string;
  text: string;
}

export type InitResult =
  | { ok: true; version: string; tag: string; files: InitFile[]; notes: string[] }
  | { ok: false; message: string };

/** What a release offers, for a form or quick pick: its profiles, and which tracing it can do (and why not). */
export interface InitChoices {
  version: string;
  tag: string;
  profiles: string[];
  monitoring: Monitoring[];
  tracing: Array<{ choice: Tracing; supported: boolean; reason?: string }>;
}

export function initChoices(store: SchemaStore, version: string): InitChoices | undefined {
  if (!store.has(version)) return undefined;
  const schema = store.get(version);
  const minor = minorOf(version);
  return {
    version,
    tag: schema.tag,
    profiles: [...schema.profiles],
    monitoring: [...MONITORING_CHOICES],
    tracing: TRACING_CHOICES.map((choice) => {
      const reason = tracingEra(choice, minor)?.unsupported;
      return reason ? { choice, supported: false, reason } : { choice, supported: true };
    }),
  };
}

/** The IstioOperator first, then (as the options need them) prometheus-operator.yaml and telemetry.yaml. */
export function newOperatorFiles(store: SchemaStore, options: InitOptions): InitResult {
  const version = options.istioVersion;
  const minors = store.minors;
  if (!store.has(version)) return refuse(`Istio ${version} is not a bundled release; choose one of ${minors[0]}–${minors[minors.length - 1]}.`);
  const schema = store.get(version);
  const minor = minorOf(version);
  const profile = options.profile ?? 'default';
  if (!schema.profiles.includes(profile)) {
    return refuse(`Istio ${version} has no built-in profile \`${profile}\`; its profiles are ${schema.profiles.map((p) => `\`${p}\``).join(', ')}.`);
  }
  const checked = checkOptions(options, version);
  if (checked) return refuse(checked);

  const settings: Setting[] = [];
  const notes: string[] = [];
  const files: InitFile[] = [];
  const header = madeByLine(options);

  if (options.hub !== undefined) settings.push({ path: 'hub', value: options.hub, comment: 'Images from this registry instead of docker.io/istio.' });

  const profileData = store.profiles(version) as ProfileData;
  const profileSpec = specOf(profileTree(profileData, profile));

  if (options.accessLogs) settings.push(rowFor(ACCESS_LOGS, minor)!.setting);

  if (options.monitoring === 'kube-prometheus') {
    const era = rowFor(MONITORING, minor)!;
    settings.push(...era.settings);
    notes.push(era.note);
    const monitors = rowFor(MONITORS, minor)!;
    files.push({
      name: 'prometheus-operator.yaml',
      description: 'the ServiceMonitor/PodMonitor objects for kube-prometheus',
      text: monitorsText(header, version, schema.tag, monitors),
    });
    notes.push('Apply prometheus-operator.yaml after kube-prometheus (its monitoring.coreos.com CRDs must exist). Its Prometheus must be allowed to list pods, services and endpoints in istio-system and the application namespaces (kube-prometheus\'s prometheus-k8s has Roles only in default, kube-system and monitoring), and its serviceMonitorSelector/podMonitorSelector and namespace selectors must select these objects (labels `release: istio`, namespace istio-system).');
  }

  if (options.tracing) {
    const era = tracingEra(options.tracing, minor)!;
    const service = options.tracingService ?? era.service!;
    const port = options.tracingPort ?? era.port!;
    if (era.way === 'proxyConfig') {
      settings.push({ path: 'meshConfig.enableTracing', value: true, comment: 'Traces to Zipkin (or Jaeger\'s Zipkin endpoint), set in every proxy\'s config.', caveat: true });
      settings.push({ path: 'meshConfig.defaultConfig.tracing.zipkin.address', value: `${service}:${port}` });
      if (options.samplingRate !== undefined) {
        settings.push(era.sampling === 'values.pilot.traceSampling'
          ? { path: 'values.pilot.traceSampling', value: options.samplingRate, comment: `Percent of requests traced (istiod's PILOT_TRACE_SAMPLING; Istio ${version} has no meshConfig.defaultConfig.tracing.sampling).` }
          : { path: 'meshConfig.defaultConfig.tracing.sampling', value: options.samplingRate });
      }
      notes.push(`Tracing: every proxy sends Zipkin spans to ${service}:${port} (meshConfig.defaultConfig.tracing.zipkin). ${options.samplingRate === undefined ? 'Sampling stays at Istio\'s default, 1% of requests.' : `${options.samplingRate}% of requests are traced.`}`);
    } else {
      const name = PROVIDER_NAMES[options.tracing];
      const provider: JsonObject = options.tracing === 'zipkin'
        ? { name, zipkin: { service, port } }
        : { name, opentelemetry: { service, port } };
      // istioctl replaces lists: keep the profile's own providers (ambient's prometheus, demo's otel ALS).
      const kept = providersOf(profileSpec).filter((p) => p.name !== name);
      settings.push({
        path: 'meshConfig.extensionProviders',
        value: [...kept, provider],
        comment: `${kept.length ? `The profile's providers (kept: istioctl replaces this list), then the` : 'The'} tracing provider telemetry.yaml turns on for the whole mesh.`,
        caveat: true,
      });
      const apiVersion = rowFor(TELEMETRY_API, minor)!.apiVersion!;
      files.push({
        name: 'telemetry.yaml',
        description: `the ${apiVersion} Telemetry resource that sends traces to the \`${name}\` provider`,
        text: telemetryText(header, version, apiVersion, name, options.samplingRate),
      });
      notes.push(`Tracing: the \`${name}\` extension provider (${options.tracing === 'zipkin' ? 'Zipkin' : 'OpenTelemetry, OTLP/gRPC'} at ${service}:${port}) is turned on for the whole mesh by telemetry.yaml, a Telemetry resource in ${ISTIO_NAMESPACE}; apply it after the install. ${options.samplingRate === undefined ? 'It sets no randomSamplingPercentage, so sampling stays at Istio\'s default, 1%.' : `It traces ${options.samplingRate}% of requests.`}`);
      if (minor >= 18) notes.push('Do not add meshConfig.defaultProviders to this file for tracing: from 1.18 a file that sets meshConfig.defaultProviders loses the chart\'s default `metrics: [prometheus]`, and with it the Prometheus metrics (default-prometheus in manifests/charts/istio-control/istio-discovery/templates/_helpers.tpl@1.18.7:2-8).');
    }
    notes.push(TRACING_CAVEAT);
  }

  const gatewayNotes = gatewaySettings(options, profileSpec, minor, version, settings);
  notes.push(...gatewayNotes);

  const problem = checkAgainstSchema(schema, settings);
  if (problem) return refuse(problem);

  const install = installCommand(minor);
  const operator = operatorText(header, version, schema.tag, profile, settings, install, files);
  files.unshift({ name: 'custom-operator.yml', description: `the IstioOperator for Istio ${version}`, text: operator });
  notes.unshift(`Install: ${install.replace('FILE', 'custom-operator.yml')}${files.length > 1 ? `; then kubectl apply -f ${files.slice(1).map((f) => f.name).join(' -f ')}` : ''}.`);
  return { ok: true, version, tag: schema.tag, files, notes };
}

function refuse(message: string): InitResult {
  return { ok: false, message };
}

function checkOptions(o: InitOptions, version: string): string | undefined {
  const minor = minorOf(version);
  if (o.monitoring !== undefined && !(MONITORING_CHOICES as readonly string[]).includes(o.monitoring)) return `Unknown monitoring \`${o.monitoring}\`; the choice is ${MONITORING_CHOICES.join(', ')}.`;
  if (o.tracing !== undefined && !(TRACING_CHOICES as readonly string[]).includes(o.tracing)) return `Unknown tracing \`${o.tracing}\`; choose ${TRACING_CHOICES.join(' or ')}.`;
  if (o.hub !== undefined && !/^[^\s]+$/.test(o.hub)) return `The hub \`${o.hub}\` is not a registry path (e.g. registry.example.com/istio).`;
  if (o.tracing === undefined && (o.samplingRate !== undefined || o.tracingService !== undefined || o.tracingPort !== undefined)) {
    return 'A sampling rate or trace collector needs a tracing choice (zipkin or opentelemetry).';
  }
  if (o.tracing) {
    const era = tracingEra(o.tracing, minor)!;
    if (era.unsupported) return `Istio ${version} cannot do that: ${era.unsupported} Use zipkin, or Istio ${rangeText([OPENTELEMETRY.find((r) => !r.unsupported)!.minors[0], LATEST])}.`;
    if (o.tracingService !== undefined && !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(o.tracingService)) return `The trace collector \`${o.tracingService}\` is not a host name (e.g. zipkin.istio-system or otel-collector.observability.svc.cluster.local).`;
    if (o.tracingPort !== undefined && !(Number.isInteger(o.tracingPort) && o.tracingPort > 0 && o.tracingPort < 65536)) return `The trace collector port ${o.tracingPort} is not a port number (1–65535).`;
  }
  if (o.samplingRate !== undefined) {
    const s = o.samplingRate;
    if (!Number.isFinite(s) || s < 0 || s > 100) return `The sampling rate ${s} is not a percentage between 0 and 100.`;
    const era = tracingEra(o.tracing!, minor)!;
    if (s === 0 && era.sampling === 'meshConfig.defaultConfig.tracing.sampling') {
      return `Istio ${version} reads a sampling of 0 in meshConfig.defaultConfig.tracing.sampling as "not set" and traces 1% (updateTraceSamplingConfig, listener.go@1.6.14:2043-2060); to trace nothing, leave tracing out.`;
    }
  }
  return undefined;
}

function tracingEra(tracing: Tracing, minor: number): TracingEra | undefined {
  return rowFor(tracing === 'zipkin' ? ZIPKIN : OPENTELEMETRY, minor);
}

function specOf(tree: Json | undefined): JsonObject {
  return isObject(tree) && isObject(tree.spec) ? tree.spec : {};
}

function providersOf(spec: JsonObject): JsonObject[] {
  const mesh = spec.meshConfig;
  const list = isObject(mesh) ? mesh.extensionProviders : undefined;
  return Array.isArray(list) ? list.filter(isObject) : [];
}

const GATEWAYS = [
  { option: 'ingress', list: 'ingressGateways', name: 'istio-ingressgateway' },
  { option: 'egress', list: 'egressGateways', name: 'istio-egressgateway' },
] as const;

/**
 * The gateways the options turn on or off. Where istioctl replaces the whole list (1.5–1.6, 1.24+;
 * effective/merge.ts), the profile's entry is written out in full, so its k8s settings are kept.
 */
function gatewaySettings(o: InitOptions, profileSpec: JsonObject, minor: number, version: string, out: Setting[]): string[] {
  const notes: string[] = [];
  const replaced = !mergeEra(minor).listsByKey;
  const components = isObject(profileSpec.components) ? profileSpec.components : {};
  for (const g of GATEWAYS) {
    const enabled = o.gateways?.[g.option];
    if (enabled === undefined) continue;
    const list = Array.isArray(components[g.list]) ? (components[g.list] as Json[]).filter(isObject) : [];
    const fromProfile = list.find((e) => e.name === g.name);
    const extra = fromProfile ? Object.keys(fromProfile).filter((k) => k !== 'name' && k !== 'enabled') : [];
    const copy = replaced && fromProfile && extra.length > 0;
    const entry: JsonObject = copy ? { ...fromProfile, name: g.name, enabled } : { name: g.name, enabled };
    // Keep the other gateways of the profile's list too, when istioctl replaces the list.
    const others = replaced ? list.filter((e) => e.name !== g.name) : [];
    out.push({
      path: `components.${g.list}`,
      value: [entry, ...others],
      comment: copy
        ? `The ${g.option} gateway ${enabled ? 'on' : 'off'}. istioctl ${version} replaces this whole list, so the profile's settings for it (${extra.join(', ')}) are copied here.`
        : `The ${g.option} gateway (${g.name}) ${enabled ? 'on' : 'off'}.`,
    });
    if (copy) notes.push(`istioctl ${version} replaces components.${g.list} as a whole: the profile's entry for ${g.name} is written out in full so its settings are kept.`);
  }
  return notes;
}

/** Every leaf the file writes exists at this release and is not deprecated there. */
function checkAgainstSchema(schema: IstioSchema, settings: Setting[]): string | undefined {
  const problems: string[] = [];
  const walk = (steps: Array<string | number>, value: unknown) => {
    const node = schema.at(['spec', ...steps]);
    const where = steps.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '[');
    if (!node) { problems.push(`\`${where}\` does not exist`); return; }
    if (node.deprecated) { problems.push(`\`${where}\` is deprecated`); return; }
    if (Array.isArray(value)) value.forEach((v, i) => walk([...steps, i], v));
    else if (isObject(value as Json) && node.properties) for (const [k, v] of Object.entries(value as JsonObject)) walk([...steps, k], v);
  };
  for (const s of settings) walk(s.path.split('.'), s.value);
  if (!problems.length) return undefined;
  return `The settings for Istio ${schema.version} are out of date (an internal table is wrong): ${problems.join('; ')} in Istio ${schema.version}. Please report this.`;
}

function installCommand(minor: number): string {
  const forms = COMMAND_TASKS.find((t) => t.task === 'install')!.forms;
  return forms.find((f) => minor >= f.from && minor <= f.to)?.command ?? 'istioctl install -f FILE';
}

function madeByLine(o: InitOptions): string {
  const flags = [`--istio-version ${o.istioVersion}`];
  if (o.profile !== undefined) flags.push(`--profile ${o.profile}`);
  if (o.gateways?.ingress !== undefined) flags.push(o.gateways.ingress ? '--ingress' : '--no-ingress');
  if (o.gateways?.egress !== undefined) flags.push(o.gateways.egress ? '--egress' : '--no-egress');
  if (o.hub !== undefined) flags.push(`--hub ${o.hub}`);
  if (o.accessLogs) flags.push('--access-logs');
  if (o.monitoring) flags.push(`--monitoring ${o.monitoring}`);
  if (o.tracing) flags.push(`--tracing ${o.tracing}`);
  if (o.samplingRate !== undefined) flags.push(`--sampling ${o.samplingRate}`);
  if (o.tracingService !== undefined) flags.push(`--tracing-service ${o.tracingService}`);
  if (o.tracingPort !== undefined) flags.push(`--tracing-port ${o.tracingPort}`);
  return `# Made by ${o.madeBy ?? 'iop-lint init'} (Istio Operator Tools ${toolVersion}) with: ${flags.join(' ')}`;
}

/** `# ` lines of at most ~100 characters. */
function commentLines(text: string, width = 98): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) { out.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

const SPEC_ORDER = ['profile', 'hub', 'meshConfig', 'values', 'components'];

function operatorText(header: string, version: string, tag: string, profile: string, settings: Setting[], install: string, files: InitFile[]): string {
  const spec: JsonObject = { profile };
  const ordered = [...settings].sort((a, b) => SPEC_ORDER.indexOf(a.path.split('.')[0]) - SPEC_ORDER.indexOf(b.path.split('.')[0]));
  for (const s of ordered) setIn(spec, s.path.split('.'), s.value as Json);
  const doc = new YAML.Document({ apiVersion: 'install.istio.io/v1alpha1', kind: 'IstioOperator', metadata: { namespace: ISTIO_NAMESPACE }, spec });
  for (const s of ordered) if (s.comment) commentAt(doc, ['spec', ...s.path.split('.')], [...commentLines(s.comment), ...(s.caveat ? [TRACING_CAVEAT] : [])]);
  const lines = [
    header,
    `# istio-version: ${version}`,
    `# An IstioOperator for Istio ${version} (checked against ${tag}), profile ${profile}.`,
    `#   ${install.replace('FILE', 'custom-operator.yml')}`,
    ...files.map((f) => `#   kubectl apply -f ${f.name}   # ${f.description}`),
  ];
  return `${lines.join('\n')}\n${doc.toString({ lineWidth: 0 })}`;
}

function setIn(root: JsonObject, steps: string[], value: Json): void {
  let node = root;
  for (const step of steps.slice(0, -1)) {
    if (!isObject(node[step])) node[step] = {};
    node = node[step] as JsonObject;
  }
  node[steps[steps.length - 1]] = value;
}

/** The comment lines above the key at `path` (each written `# …`). */
function commentAt(doc: YAML.Document, path: string[], lines: string[]): void {
  const parent = doc.getIn(path.slice(0, -1), true);
  if (!YAML.isMap(parent)) return;
  const pair = parent.items.find((p) => YAML.isScalar(p.key) && p.key.value === path[path.length - 1]);
  if (!pair || !YAML.isScalar(pair.key)) return;
  pair.key.commentBefore = lines.map((l) => ` ${l}`).join('\n');
}

function monitorsText(header: string, version: string, tag: string, era: (typeof MONITORS)[number]): string {
  const copied = `${era.path}@${era.tag}${era.blob ? ` (blob ${era.blob})` : ''}`;
  const source = era.how !== 'verbatim' ? `${era.source}:` : era.tag === tag ? `${copied}, unchanged.` : `${era.path}@${tag}, the same file as ${copied}, unchanged.`;
  const lines = [
    header,
    `# For Istio ${version}: the Prometheus Operator (kube-prometheus) objects that scrape istiod`,
    '# (ServiceMonitor istio-component-monitor, port http-monitoring 15014) and the sidecars and gateways',
    `# (envoy-stats-monitor, /stats/prometheus${era.minors[0] >= 8 ? ' on the prometheus.io/port the injector sets, 15020' : ', the Envoy port 15090 http-envoy-prom'}).`,
    `# From Istio's ${source}`,
    ...(era.how === 'verbatim' ? [] : commentLines(`${era.how}.`).map((l) => `# ${l}`)),
    '# Apply after kube-prometheus: kubectl apply -f prometheus-operator.yaml',
  ];
  return `${lines.join('\n')}\n${era.text}`;
}

function telemetryText(header: string, version: string, apiVersion: string, provider: string, sampling: number | undefined): string {
  const tracing: JsonObject = { providers: [{ name: provider }] };
  if (sampling !== undefined) tracing.randomSamplingPercentage = sampling;
  const doc = new YAML.Document({
    apiVersion,
    kind: 'Telemetry',
    metadata: { name: 'mesh-default', namespace: ISTIO_NAMESPACE },
    spec: { tracing: [tracing] },
  });
  const lines = [
    header,
    ...commentLines([
      `For Istio ${version}: turns on tracing to the \`${provider}\` extension provider (meshConfig.extensionProviders in custom-operator.yml) for the whole mesh: a Telemetry named mesh-default in the root namespace, ${ISTIO_NAMESPACE}.`,
      sampling === undefined ? 'No randomSamplingPercentage: sampling stays at Istio\'s default, 1% of requests.' : `randomSamplingPercentage: ${sampling}% of requests are traced.`,
    ].join(' ')).map((l) => `# ${l}`),
    `# ${TRACING_CAVEAT}`,
    '# Apply after installing Istio: kubectl apply -f telemetry.yaml',
  ];
  return `${lines.join('\n')}\n${doc.toString({ lineWidth: 0 })}`;
}
