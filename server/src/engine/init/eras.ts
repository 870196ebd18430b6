// What a new IstioOperator sets for monitoring with kube-prometheus, access logs and tracing, per
// Istio release: each row covers a range of minors (inclusive) and says where in Istio's source the
// fact comes from (file@tag, the mirror of istio/istio at the release's final patch tag). The
// generator (newOperator.ts) only reads these tables; every path they name is also checked against
// the release's schema when a file is made, and by the tests at every release.
import { LATEST, releaseRange } from '../releases.ts';

/** A range of Istio minors, both ends included: [8, 21] is 1.8–1.21, [22, LATEST] is 1.22 and every later release. */
export type Minors = readonly [number, number];

export interface Era { minors: Minors; source: string }

/** One setting below `spec`, with the comment written above it (and the tracing caveat, on a line of its own). */
export interface Setting { path: string; value: unknown; comment?: string; caveat?: boolean }

export function rowFor<T extends Era>(table: readonly T[], minor: number): T | undefined {
  return table.find((r) => minor >= r.minors[0] && minor <= r.minors[1]);
}

export const minorOf = (version: string): number => Number(version.split('.')[1]);

/** "1.8–1.21", "1.5", or "1.22+" for a range that ends at LATEST. */
export const rangeText = (m: Minors): string => releaseRange(m[0], m[1]);

// ---------------------------------------------------------------------------------------------
// Monitoring with kube-prometheus (the Prometheus Operator)
// ---------------------------------------------------------------------------------------------

const TELEMETRY_V2: Setting[] = [
  { path: 'values.telemetry.enabled', value: true, comment: 'Istio\'s standard metrics (istio_requests_total, …), made by the proxies themselves (telemetry v2).' },
  { path: 'values.telemetry.v2.enabled', value: true },
  { path: 'values.telemetry.v2.prometheus.enabled', value: true },
];

export interface MonitoringEra extends Era {
  settings: Setting[];
  /** Said once in the notes. */
  note: string;
}

export const MONITORING: readonly MonitoringEra[] = [
  {
    minors: [5, 6],
    settings: [
      { path: 'values.prometheus.enabled', value: false, comment: 'No Prometheus from istioctl: kube-prometheus\'s Prometheus scrapes the mesh (prometheus-operator.yaml).' },
      ...TELEMETRY_V2,
    ],
    note: 'istioctl 1.5–1.6 installs its own Prometheus with the default profile (addonComponents.prometheus.enabled: true); `values.prometheus.enabled: false` turns it off, as istioctl maps values.<addon>.enabled to addonComponents.<addon>.enabled. Kiali and Grafana, if you enable them, then need to be pointed at your Prometheus.',
    source: 'operator/data/profiles/default.yaml@1.5.10:244-248, manifests/profiles/default.yaml@1.6.14:217-218, generateValuesEnablementMap in operator/pkg/name/name.go@1.5.10:199-205',
  },
  {
    minors: [7, 7],
    settings: [...TELEMETRY_V2],
    note: 'No Istio 1.7 profile installs a Prometheus (manifests/profiles/default.yaml@1.7.8 enables no addon), and `values.prometheus.enabled` is deprecated in 1.7: there is nothing to turn off.',
    source: 'manifests/profiles/default.yaml@1.7.8:207-209, operator/pkg/apis/istio/v1alpha1/validation/validation.go@1.7.8:104',
  },
  {
    minors: [8, LATEST],
    settings: [
      { path: 'meshConfig.enablePrometheusMerge', value: true, comment: 'Sidecars get prometheus.io/scrape, /port 15020 and /path /stats/prometheus annotations (Envoy, agent and app metrics merged): the PodMonitor in prometheus-operator.yaml selects pods by them.' },
      ...TELEMETRY_V2,
    ],
    note: 'istioctl 1.8+ installs no Prometheus (the addons are only samples/addons): nothing to turn off. The PodMonitor scrapes the pods Istio annotates with prometheus.io/* when meshConfig.enablePrometheusMerge is on (its default, set here explicitly); gateways carry the same annotations from their chart.',
    source: 'pkg/kube/inject/webhook.go@1.8.6:508-521 (applyPrometheusMerge: webhook.go@1.20.8:882-913), manifests/charts/gateways/istio-ingress/templates/deployment.yaml@1.8.6:46-48',
  },
];

// ---------------------------------------------------------------------------------------------
// Access logs
// ---------------------------------------------------------------------------------------------

export interface AccessLogEra extends Era { setting: Setting }

export const ACCESS_LOGS: readonly AccessLogEra[] = [
  {
    minors: [5, 5],
    setting: { path: 'values.global.proxy.accessLogFile', value: '/dev/stdout', comment: 'Envoy access logs on each proxy\'s stdout (kubectl logs POD -c istio-proxy).' },
    source: 'manifests/istio-control/istio-discovery/templates/configmap.yaml@1.5.10:30-31 (the mesh config\'s accessLogFile comes from values.global.proxy.accessLogFile)',
  },
  {
    minors: [6, LATEST],
    setting: { path: 'meshConfig.accessLogFile', value: '/dev/stdout', comment: 'Envoy access logs on each proxy\'s stdout (kubectl logs POD -c istio-proxy).' },
    source: 'istioctl 1.6 deprecates global.proxy.accessLogFile for meshConfig.accessLogFile (operator/pkg/apis/istio/v1alpha1/validation/validation.go@1.6.14:77)',
  },
];

// ---------------------------------------------------------------------------------------------
// Tracing
// ---------------------------------------------------------------------------------------------

/** The one-line caveat every tracing file (as a comment line of its own) and the notes carry. */
export const TRACING_CAVEAT = 'Only HTTP/1.1, HTTP/2 and gRPC calls are traced by the mesh (not MySQL, Redis, message queues or other TCP), and only if each app forwards the trace headers (b3, traceparent).';

/**
 * How the release sends spans:
 * - `proxyConfig`: meshConfig.defaultConfig.tracing (the collector address in every proxy's config) with meshConfig.enableTracing;
 * - `telemetryApi`: a meshConfig.extensionProviders entry, selected (with the sampling) by a Telemetry resource in telemetry.yaml.
 */
export type TracingWay = 'proxyConfig' | 'telemetryApi';

export interface TracingEra extends Era {
  way?: TracingWay;
  /** Where the sampling percentage goes in the proxyConfig way. */
  sampling?: 'values.pilot.traceSampling' | 'meshConfig.defaultConfig.tracing.sampling';
  /** The collector a file points at unless told otherwise. */
  service?: string;
  port?: number;
  /** Set when the release cannot do it: why not, for the refusal. */
  unsupported?: string;
}

export const ZIPKIN: readonly TracingEra[] = [
  {
    minors: [5, 5], way: 'proxyConfig', sampling: 'values.pilot.traceSampling', service: 'zipkin.istio-system', port: 9411,
    source: 'the mesh config\'s defaultConfig.tracing.zipkin (manifests/istio-control/istio-discovery/templates/configmap.yaml@1.5.10:242-249, default address zipkin.<telemetryNamespace>:9411), spec.meshConfig overlaid on it (overlayMeshConfig, operator/pkg/component/component/component.go@1.5.10:204-245); ProxyConfig.Tracing has no sampling in 1.5 (istio/api mesh/v1alpha1/proxy.proto@1.5.10), so PILOT_TRACE_SAMPLING (values.pilot.traceSampling) it is',
  },
  {
    minors: [6, 21], way: 'proxyConfig', sampling: 'meshConfig.defaultConfig.tracing.sampling', service: 'zipkin.istio-system', port: 9411,
    source: 'ProxyConfig.Tracing.sampling overrides PILOT_TRACE_SAMPLING when not 0 (updateTraceSamplingConfig, pilot/pkg/networking/core/v1alpha3/listener.go@1.6.14:2043-2060; `$hide_from_docs` in istio/api proxy.proto@1.6.14–@1.8.6, read all the same); the Zipkin and Jaeger samples both serve zipkin.istio-system:9411 (samples/addons/extras/zipkin.yaml, samples/addons/jaeger.yaml@1.8.6)',
  },
  {
    minors: [22, LATEST], way: 'telemetryApi', service: 'zipkin.istio-system.svc.cluster.local', port: 9411,
    source: 'from 1.22 no tracing is configured by default (releasenotes/notes/drop-default-tracing.yaml@1.22.8: "Following Configure tracing with Telemetry API"; global.proxy.tracer "none" in manifests/charts/istio-control/istio-discovery/values.yaml@1.22.8)',
  },
];

export const OPENTELEMETRY: readonly TracingEra[] = [
  {
    minors: [5, 15],
    unsupported: 'OpenTelemetry tracing needs the `opentelemetry` extension provider (`meshConfig.extensionProviders[].opentelemetry`), which Istio only has from 1.16 (istio/api mesh/v1alpha1/config.proto@1.16.7:513).',
    source: 'istio/api mesh/v1alpha1/config.proto@1.15.7 (no OpenTelemetryTracingProvider) and @1.16.7:513,1004-1018',
  },
  {
    minors: [16, 17], way: 'telemetryApi', service: 'opentelemetry-collector.istio-system.svc.cluster.local', port: 4317,
    source: 'samples/open-telemetry/otel.yaml@1.16.7:44-62 (Service opentelemetry-collector in istio-system, grpc-otlp 4317)',
  },
  {
    minors: [18, 21], way: 'telemetryApi', service: 'opentelemetry-collector.otel-collector.svc.cluster.local', port: 4317,
    source: 'samples/open-telemetry/tracing/README.md@1.18.7 ("Update mesh config": otel-tracing, port 4317)',
  },
  {
    minors: [22, LATEST], way: 'telemetryApi', service: 'opentelemetry-collector.observability.svc.cluster.local', port: 4317,
    source: 'samples/open-telemetry/tracing/README.md@1.22.8 (the collector in the observability namespace)',
  },
];

/** The extension provider names Istio's own samples use. */
export const PROVIDER_NAMES = { zipkin: 'zipkin', opentelemetry: 'otel-tracing' } as const;

export interface TelemetryApiEra extends Era { apiVersion?: string }

/** The Telemetry resource's API version: the versions the base chart's CRD serves. */
export const TELEMETRY_API: readonly TelemetryApiEra[] = [
  { minors: [5, 10], source: 'no telemetries.telemetry.istio.io CRD before 1.11 (manifests/charts/base/crds/crd-all.gen.yaml@1.11.8)' },
  { minors: [11, 21], apiVersion: 'telemetry.istio.io/v1alpha1', source: 'manifests/charts/base/crds/crd-all.gen.yaml@1.11.8 … @1.21.6 serve only v1alpha1' },
  { minors: [22, LATEST], apiVersion: 'telemetry.istio.io/v1', source: 'manifests/charts/base/crds/crd-all.gen.yaml@1.22.8 (and files/crd-all.gen.yaml@1.24.6 … @1.30.3) serve v1; samples/open-telemetry/tracing/telemetry.yaml@1.22.8 uses it' },
];

/** The root namespace: a Telemetry resource there applies to the whole mesh. */
export const ISTIO_NAMESPACE = 'istio-system';
