// Deprecated and moved `values` paths that istioctl flags. Which releases flag a path, and whether
// as a warning or an error, comes from schemas/deprecations.json, read from Istio's own source
// (scripts/schema/import/deprecationsImport.ts); this file adds what cannot be read there: the
// replacement as we phrase it (`use`), reviewed once per path, and per range where it changed.
// Paths are under spec.values unless they start with `spec.`; ranges are Istio minors, inclusive.
// Every row here is in some release's Istio table: the hand-written table had none that is not.
import fs from 'node:fs';
import path from 'node:path';
import { LATEST } from '../../server/src/engine/releases.ts';
import type { DeprecationsFile } from './import/deprecationsImport.ts';

export interface Deprecation {
  path: string;
  use: string; // the replacement, as the user should write it
  warn?: [number, number];
  error?: [number, number];
}

type Range = [number, number];
/** Our phrasing for a path's derived ranges within `minors` (all of them when absent); or, with `hold`, ranges we do not show. */
type Reviewed = { path: string; minors?: Range; use: string } | { path: string; minors?: Range; hold: string };

const meshSame = (paths: string[]): Reviewed[] => paths.map((p) => ({ path: p, use: `\`meshConfig.${p.split('.').pop()}\`` }));
const MIXER = 'nothing: Mixer is removed in Istio 1.8';
const ADDONS = 'the samples/addons deployments';
const DNS = 'in-proxy DNS capture (`ISTIO_META_DNS_CAPTURE`)';
const TELEMETRY_API = 'custom configuration (the Telemetry API)';

// The order is the order annotateDeprecations applies them in (a moved key keeps its first note).
const REVIEWED: Reviewed[] = [
  ...meshSame(['global.certificates', 'global.outboundTrafficPolicy', 'global.localityLbSetting', 'global.policyCheckFailOpen', 'global.enableTracing']),
  ...meshSame(['global.proxy.accessLogFormat', 'global.proxy.accessLogFile', 'global.proxy.protocolDetectionTimeout']),
  ...meshSame(['global.trustDomainAliases', 'global.trustDomain', 'global.proxy.accessLogEncoding']),
  // 1.6 moved these to meshConfig (validation.go@1.6.14:79-82), 1.7 on to meshConfig.defaultConfig (validation.go@1.7.8:89-92).
  { path: 'global.proxy.concurrency', minors: [6, 6], use: '`meshConfig.concurrency`' },
  { path: 'global.proxy.concurrency', minors: [7, LATEST], use: '`meshConfig.defaultConfig.concurrency`' },
  { path: 'global.proxy.envoyAccessLogService', minors: [6, 6], use: '`meshConfig.envoyAccessLogService`' },
  { path: 'global.proxy.envoyAccessLogService', minors: [7, LATEST], use: '`meshConfig.defaultConfig.envoyAccessLogService`' },
  { path: 'global.proxy.envoyMetricsService', minors: [6, 6], use: '`meshConfig.envoyMetricsService`' },
  { path: 'global.proxy.envoyMetricsService', minors: [7, LATEST], use: '`meshConfig.defaultConfig.envoyMetricsService`' },
  { path: 'global.proxy.envoyAccessLogService.enabled', use: '`meshConfig.enableEnvoyAccessLogService`' },
  { path: 'global.disablePolicyChecks', minors: [6, 6], use: '`meshConfig.disablePolicyChecks`' },
  // 1.8 says "ProxyConfig holdApplicationUntilProxyStarts" (validation.go@1.8.6:98), 1.9 on the path.
  { path: 'global.proxy.holdApplicationUntilProxyStarts', use: '`meshConfig.defaultConfig.holdApplicationUntilProxyStarts`' },
  { path: 'pilot.ingress', use: '`meshConfig.ingressService`, `meshConfig.ingressControllerMode` and `meshConfig.ingressClass`' },
  { path: 'global.mtls.enabled', use: 'a PeerAuthentication resource' },
  { path: 'global.mtls.auto', use: '`meshConfig.enableAutoMtls`' },
  ...['lightstep.address', 'lightstep.accessToken', 'zipkin.address', 'datadog.address'].map((p): Reviewed => (
    { path: `global.tracer.${p}`, use: `\`meshConfig.defaultConfig.tracing.${p}\`` })),
  ...['debug', 'maxNumberOfAttributes', 'maxNumberOfAnnotations', 'maxNumberOfMessageEvents'].map((p): Reviewed => (
    { path: `global.tracer.stackdriver.${p}`, use: `\`meshConfig.defaultConfig.tracing.stackdriver.${p}\`` })),
  { path: 'telemetry.v2.stackdriver.logging', use: '`values.telemetry.v2.stackdriver.outboundAccessLogging` and `values.telemetry.v2.stackdriver.inboundAccessLogging`' },
  { path: 'telemetry.v2.prometheus.configOverride', use: TELEMETRY_API },
  { path: 'telemetry.v2.stackdriver.disableOutbound', use: TELEMETRY_API },
  { path: 'global.meshExpansion.enabled', use: 'Gateway resources (see samples/multicluster/)' },
  { path: 'gateways.istio-ingressgateway.meshExpansionPorts', use: '`components.ingressGateways[name=istio-ingressgateway].k8s.service.ports`' },
  { path: 'istiocoredns.enabled', use: DNS },
  { path: 'spec.addonComponents.istiocoredns.enabled', use: DNS },
  { path: 'global.centralIstiod', use: '`values.global.externalIstiod`' },
  { path: 'global.arch', use: 'node affinity in the components\' `k8s.affinity`' },
  ...['grafana', 'tracing', 'kiali', 'prometheus'].flatMap((a): Reviewed[] => [
    { path: `${a}.enabled`, use: ADDONS },
    { path: `spec.addonComponents.${a}.enabled`, use: ADDONS },
  ]),
  ...['telemetry.v1.enabled', 'pilot.policy.enabled', 'spec.components.telemetry.enabled', 'spec.components.policy.enabled'].map((p): Reviewed => ({ path: p, use: MIXER })),
  // Istio flags these too (the hand-written table had missed them):
  // - 1.7's mixerDeprecations (validation.go@1.7.8:121-128, rows :123-124);
  { path: 'global.disablePolicyChecks', minors: [7, 7], use: MIXER },
  { path: 'spec.meshConfig.disablePolicyChecks', use: MIXER },
  // - 1.6's deprecatedSettingsMessage (validation.go@1.6.14:84-85).
  ...['mixer.telemetry.reportBatchMaxEntries', 'mixer.telemetry.reportBatchMaxTime'].map((p): Reviewed => ({ path: p, use: `\`meshConfig.${p.split('.').pop()}\`` })),
  // Held back:
  // - 1.10-1.23 warn unless it is third-party-jwt (validation.go@1.10.6:114, 1.23.6:116): a deprecated
  //   value, not key; shown, the key becomes deprecated in 1.10-1.23 and leaves profiles-1.2x.json.
  { path: 'global.jwtPolicy', hold: 'a deprecated value (first-party-jwt), not a deprecated key' },
  // The 1.24+ chart fails on these under values (NOTES.txt@1.24.6:68-71), where istioctl also puts
  // spec.meshConfig (operator/pkg/render/manifest.go@1.24.6:353-362). values.meshConfig is a free
  // object in the schemas, so these mark nothing there.
  ...['debug', 'maxNumberOfAttributes', 'maxNumberOfAnnotations', 'maxNumberOfMessageEvents'].map((p): Reviewed => (
    { path: `meshConfig.defaultConfig.tracing.stackdriver.${p}`, use: 'one of Istio\'s supported tracers' })),
];

const DERIVED: DeprecationsFile = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../schemas/deprecations.json'), 'utf8'));

export const DEPRECATIONS: Deprecation[] = combine(DERIVED, REVIEWED);

/** The table for a freshly derived file (the import from git annotates with what it just read). */
export const deprecationsFrom = (derived: DeprecationsFile): Deprecation[] => combine(derived, REVIEWED);

/**
 * One entry per shown row of the reviewed table: its path's derived minors within its range, per
 * severity (each must be one run). Fails, naming them, when a derived minor is covered by no row
 * or by two, or a row covers none (the table needs a review).
 */
export function combine(derived: DeprecationsFile, reviewed: Reviewed[]): Deprecation[] {
  const n = (v: string) => Number(v.split('.')[1]);
  const flagged = new Map<string, Map<number, 'warn' | 'error'>>();
  for (const row of derived.paths) {
    const byMinor = new Map<number, 'warn' | 'error'>();
    for (const [key, sev] of [['warning', 'warn'], ['error', 'error']] as const) {
      for (const r of row[key] ?? []) for (let m = n(r.from); m <= n(r.to); m++) byMinor.set(m, sev);
    }
    flagged.set(row.path, byMinor);
  }
  const problems: string[] = [];
  const covered = new Map<string, string>();
  const out: Deprecation[] = [];
  for (const entry of reviewed) {
    const [lo, hi] = entry.minors ?? [0, LATEST];
    const minors = [...(flagged.get(entry.path) ?? new Map()).entries()].filter(([m]) => m >= lo && m <= hi).sort((a, b) => a[0] - b[0]);
    const label = `${entry.path}${entry.minors ? ` [${lo}, ${hi}]` : ''}`;
    if (!minors.length) problems.push(`${label}: no release flags it`);
    for (const [m] of minors) {
      const key = `${entry.path} ${m}`;
      if (covered.has(key)) problems.push(`${entry.path} 1.${m}: reviewed twice (${covered.get(key)}, ${label})`);
      covered.set(key, label);
    }
    if (!('use' in entry)) continue;
    const d: Deprecation = { path: entry.path, use: entry.use };
    for (const sev of ['warn', 'error'] as const) {
      const list = minors.filter(([, s]) => s === sev).map(([m]) => m);
      if (!list.length) continue;
      if (list[list.length - 1] - list[0] !== list.length - 1) problems.push(`${label}: ${sev} in non-consecutive minors ${list.join(', ')}`);
      d[sev] = [list[0], list[list.length - 1]];
    }
    out.push(d);
  }
  for (const [p, byMinor] of flagged) {
    for (const m of byMinor.keys()) if (!covered.has(`${p} ${m}`)) problems.push(`${p} 1.${m}: flagged by Istio, not in the reviewed table`);
  }
  if (problems.length) throw new Error(`scripts/schema/deprecations.ts and schemas/deprecations.json disagree:\n  ${problems.join('\n  ')}`);
  return out;
}

/** The full document path of an entry (spec.values.… unless it starts with spec.). */
export const fullPath = (d: Deprecation): string => (d.path.startsWith('spec.') ? d.path : `spec.values.${d.path}`);
