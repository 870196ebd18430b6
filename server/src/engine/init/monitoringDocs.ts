// What the monitoring and tracing settings `iop-lint init` writes do for monitoring with
// kube-prometheus and for tracing, per release: markdown that hover adds below a field's own docs
// (hover/hover.ts asks `monitoringDoc`). Paths are below the document root; `[]` is any list item.
import type { Step } from '../parse/yamlNodes.ts';
import { LATEST } from '../releases.ts';
import { TRACING_CAVEAT, rangeText, type Minors } from './eras.ts';

export interface MonitoringDoc { path: string; minors: Minors; markdown: string }

/** TRACING_CAVEAT, in italics. */
const caveat = `*${TRACING_CAVEAT}*`;

const telemetryV2 = 'Istio\'s standard metrics (`istio_requests_total`, `istio_request_duration_milliseconds`, …) are made by each proxy (telemetry v2) and served on `/stats/prometheus`; with this off, Prometheus gets only Envoy\'s own statistics. From 1.18 the chart turns it into `meshConfig.defaultProviders.metrics: [prometheus]` — but only when the file does not set `meshConfig.defaultProviders` itself (`default-prometheus`, istio-discovery `_helpers.tpl`@1.18.7:2-8).';

export const MONITORING_DOCS: readonly MonitoringDoc[] = [
  {
    path: 'spec.values.prometheus.enabled', minors: [5, 6],
    markdown: '`false`: istioctl does not install its own Prometheus (the default profile turns it on as `addonComponents.prometheus`; istioctl maps this value onto it). With kube-prometheus, the Prometheus Operator scrapes the mesh instead, through the ServiceMonitor objects `iop-lint init --monitoring kube-prometheus` writes to prometheus-operator.yaml. Kiali and Grafana addons then need your Prometheus\'s address.',
  },
  {
    path: 'spec.values.prometheus.enabled', minors: [7, 7],
    markdown: 'No Istio 1.7 profile installs a Prometheus, so with kube-prometheus there is nothing to turn off; leave this out (it is deprecated in 1.7 and gone in 1.8).',
  },
  {
    path: 'spec.meshConfig.enablePrometheusMerge', minors: [6, 7],
    markdown: 'On: the sidecar injector points the pod\'s `prometheus.io/scrape`, `/port` and `/path` annotations at the Istio agent (port 15020, `/stats/prometheus`), which serves Envoy\'s, its own and the application\'s metrics together. Off by default in 1.6, on in 1.7. The ServiceMonitors of this era for the Prometheus Operator scrape Envoy\'s port 15090 (`http-envoy-prom`) directly, so they work either way.',
  },
  {
    path: 'spec.meshConfig.enablePrometheusMerge', minors: [8, LATEST],
    markdown: 'On (the default): the sidecar injector points the pod\'s `prometheus.io/scrape`, `/port` and `/path` annotations at the Istio agent (port 15020, `/stats/prometheus`), which serves Envoy\'s, its own and the application\'s metrics together. Istio\'s PodMonitor for the Prometheus Operator (`envoy-stats-monitor`, samples/addons/extras/prometheus-operator.yaml) keeps only pods with these annotations — keep this on with kube-prometheus. Gateways carry the same annotations from their chart.',
  },
  { path: 'spec.values.telemetry.enabled', minors: [5, LATEST], markdown: telemetryV2 },
  { path: 'spec.values.telemetry.v2.enabled', minors: [5, LATEST], markdown: telemetryV2 },
  { path: 'spec.values.telemetry.v2.prometheus.enabled', minors: [5, LATEST], markdown: telemetryV2 },
  {
    path: 'spec.meshConfig.defaultProviders', minors: [18, LATEST],
    markdown: '**Careful with Prometheus:** a file that sets `defaultProviders` (even only `tracing`) replaces the chart\'s default `metrics: [prometheus]`, and the mesh\'s Prometheus metrics stop. Add `metrics: [prometheus]` here too, or leave `defaultProviders` out and turn tracing on with a Telemetry resource (as `iop-lint init --tracing` does).',
  },
  {
    path: 'spec.meshConfig.enableTracing', minors: [5, LATEST],
    markdown: `Turns on tracing set in the proxy config (\`defaultConfig.tracing\`). A Telemetry resource that configures tracing wins over it (then this flag is not read). ${caveat}`,
  },
  {
    path: 'spec.meshConfig.defaultConfig.tracing.zipkin.address', minors: [5, 21],
    markdown: `Where every proxy sends Zipkin spans (\`host:port\`); Istio's Jaeger and Zipkin samples (samples/addons) both serve \`zipkin.istio-system:9411\`, which is also the default. Needs \`meshConfig.enableTracing: true\`. ${caveat}`,
  },
  {
    path: 'spec.meshConfig.defaultConfig.tracing.zipkin.address', minors: [22, LATEST],
    markdown: `Where every proxy sends Zipkin spans (\`host:port\`). From 1.22 Istio configures no tracing by default and recommends a \`zipkin\` entry in \`meshConfig.extensionProviders\` turned on by a Telemetry resource (\`iop-lint init --tracing zipkin\` writes both). ${caveat}`,
  },
  {
    path: 'spec.meshConfig.defaultConfig.tracing.sampling', minors: [6, LATEST],
    markdown: 'The percent of requests traced (0.0–100.0), over istiod\'s `PILOT_TRACE_SAMPLING` (`values.pilot.traceSampling`, default 1%); `0` counts as not set. A Telemetry resource\'s `randomSamplingPercentage` wins over it.',
  },
  {
    path: 'spec.values.pilot.traceSampling', minors: [5, 5],
    markdown: 'istiod\'s `PILOT_TRACE_SAMPLING`: the percent of requests traced (0.0–100.0, default 1.0). Istio 1.5 has no `meshConfig.defaultConfig.tracing.sampling`, so this is where the sampling rate goes.',
  },
  {
    path: 'spec.values.pilot.traceSampling', minors: [6, LATEST],
    markdown: 'istiod\'s `PILOT_TRACE_SAMPLING`: the percent of requests traced (0.0–100.0, default 1.0) when neither `meshConfig.defaultConfig.tracing.sampling` nor a Telemetry resource\'s `randomSamplingPercentage` sets one.',
  },
  {
    path: 'spec.meshConfig.extensionProviders[].opentelemetry', minors: [16, LATEST],
    markdown: `An OpenTelemetry collector that receives spans over OTLP/gRPC (\`service\`: its Kubernetes service host, \`port\`: usually 4317, a port named \`grpc-…\`). Nothing is traced until a Telemetry resource names this provider: \`tracing: [{providers: [{name: …}], randomSamplingPercentage: …}]\` (telemetry.istio.io/v1alpha1 before 1.22, v1 from 1.22). ${caveat}`,
  },
  {
    path: 'spec.meshConfig.extensionProviders[].zipkin', minors: [11, LATEST],
    markdown: `A Zipkin (or Jaeger) collector for the Telemetry API (\`service\`: e.g. \`zipkin.istio-system.svc.cluster.local\`, \`port\`: 9411). Nothing is traced until a Telemetry resource names this provider. ${caveat}`,
  },
  {
    path: 'spec.meshConfig.accessLogFile', minors: [5, LATEST],
    markdown: '`/dev/stdout`: each proxy writes Envoy\'s access log to its container log (`kubectl logs POD -c istio-proxy`), where a log collector can pick it up. Empty: no access log.',
  },
  {
    path: 'spec.values.global.proxy.accessLogFile', minors: [5, 6],
    markdown: '`/dev/stdout`: each proxy writes Envoy\'s access log to its container log. From 1.6 use `meshConfig.accessLogFile`.',
  },
];

/** The monitoring/tracing note for the field at `path` in release `version`, if there is one. */
export function monitoringDoc(path: readonly Step[], version: string): string | undefined {
  const key = path.map((s) => (typeof s === 'number' ? '[]' : s)).join('.').replace(/\.\[\]/g, '[]');
  const minor = Number(version.split('.')[1]);
  const doc = MONITORING_DOCS.find((d) => d.path === key && minor >= d.minors[0] && minor <= d.minors[1]);
  return doc && `**Monitoring and tracing** (Istio ${rangeText(doc.minors)}): ${doc.markdown}`;
}
