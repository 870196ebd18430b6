// The Prometheus Operator objects (monitoring.coreos.com/v1) that make a kube-prometheus Prometheus
// scrape istiod (ServiceMonitor istio-component-monitor: port http-monitoring, 15014) and the
// sidecars and gateways (envoy-stats-monitor: /stats/prometheus), as Istio ships them for each
// release. Copied from istio/istio at the release's final patch tag (the text is Istio's, unchanged:
// each later sample is written as the edit Istio made to the one before, and test/engine/init.test.ts
// checks every copy against the git blob it names, and against the mirror when one is present):
// - 1.7+: samples/addons/extras/prometheus-operator.yaml, which changed at 1.8 (a PodMonitor that
//   follows the prometheus.io annotations of merged metrics, port 15020, instead of a ServiceMonitor
//   on the Envoy port 15090 http-envoy-prom), 1.18 (IPv6 pod addresses) and 1.25 (label pod, not pod_name);
// - 1.5–1.6: that sample does not exist yet; the same two objects come from the prometheusOperator
//   chart istioctl itself bundled (the sample of 1.7 was cut from it), rendered with the chart's defaults.
import { LATEST } from '../releases.ts';
import type { Era } from './eras.ts';

export const SAMPLE = 'samples/addons/extras/prometheus-operator.yaml';

export interface MonitorsEra extends Era {
  /** The file in istio/istio, the tag it was copied at, and (for a part of a file) the lines. */
  path: string;
  tag: string;
  blob?: string;
  lines?: [number, number];
  /** How the text was made from the source: `verbatim`, or what was done. */
  how: string;
  /** The objects, as YAML documents separated by `---`. */
  text: string;
}

/** samples/addons/extras/prometheus-operator.yaml@1.8.6, verbatim. */
const SAMPLE_1_8 = String.raw`apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata:
  name: envoy-stats-monitor
  namespace: istio-system
  labels:
    monitoring: istio-proxies
    release: istio
spec:
  selector:
    matchExpressions:
    - {key: istio-prometheus-ignore, operator: DoesNotExist}
  namespaceSelector:
    any: true
  jobLabel: envoy-stats
  podMetricsEndpoints:
  - path: /stats/prometheus
    interval: 15s
    relabelings:
    - action: keep
      sourceLabels: [__meta_kubernetes_pod_container_name]
      regex: "istio-proxy"
    - action: keep
      sourceLabels: [__meta_kubernetes_pod_annotationpresent_prometheus_io_scrape]
    - sourceLabels: [__address__, __meta_kubernetes_pod_annotation_prometheus_io_port]
      action: replace
      regex: ([^:]+)(?::\d+)?;(\d+)
      replacement: $1:$2
      targetLabel: __address__
    - action: labeldrop
      regex: "__meta_kubernetes_pod_label_(.+)"
    - sourceLabels: [__meta_kubernetes_namespace]
      action: replace
      targetLabel: namespace
    - sourceLabels: [__meta_kubernetes_pod_name]
      action: replace
      targetLabel: pod_name
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: istio-component-monitor
  namespace: istio-system
  labels:
    monitoring: istio-components
    release: istio
spec:
  jobLabel: istio
  targetLabels: [app]
  selector:
    matchExpressions:
    - {key: istio, operator: In, values: [pilot]}
  namespaceSelector:
    any: true
  endpoints:
  - port: http-monitoring
    interval: 15s
`;

/** 1.18 rewrote the address relabeling for IPv6 pod addresses; the rest is 1.8's file. */
const SAMPLE_1_18 = edited(SAMPLE_1_8, String.raw`    - sourceLabels: [__address__, __meta_kubernetes_pod_annotation_prometheus_io_port]
      action: replace
      regex: ([^:]+)(?::\d+)?;(\d+)
      replacement: $1:$2
`, String.raw`    - action: replace
      regex: (\d+);(([A-Fa-f0-9]{1,4}::?){1,7}[A-Fa-f0-9]{1,4})
      replacement: '[$2]:$1'
      sourceLabels:
      - __meta_kubernetes_pod_annotation_prometheus_io_port
      - __meta_kubernetes_pod_ip
      targetLabel: __address__
    - action: replace
      regex: (\d+);((([0-9]+?)(\.|$)){4})
      replacement: $2:$1
      sourceLabels:
      - __meta_kubernetes_pod_annotation_prometheus_io_port
      - __meta_kubernetes_pod_ip
`);

/** 1.25 names the pod label `pod`, not `pod_name`. */
const SAMPLE_1_25 = edited(SAMPLE_1_18, 'targetLabel: pod_name', 'targetLabel: pod');

/** `text` with its one `from` replaced by `to`: how a release of Istio's sample changed the one before. */
function edited(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`monitors.ts: the sample edit expects one ${JSON.stringify(from.slice(0, 40))}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

export const MONITORS: readonly MonitorsEra[] = [
  {
    minors: [5, 5],
    source: 'manifests/istio-telemetry/prometheus-operator/templates/servicemonitors.yaml@1.5.10:20-71',
    path: 'manifests/istio-telemetry/prometheus-operator/templates/servicemonitors.yaml', tag: '1.5.10', lines: [20, 71],
    how: 'istio-component-monitor and envoy-stats-monitor of the prometheusOperator chart istioctl 1.5 bundles (samples/addons/extras/prometheus-operator.yaml does not exist before 1.7), rendered with its defaults: namespace istio-system, release istio, scrapeInterval 15s',
    text: String.raw`apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: istio-component-monitor
  namespace: istio-system
  labels:
    monitoring: istio-components
    release: istio
spec:
  jobLabel: istio
  selector:
    matchExpressions:
      - {key: istio, operator: In, values: [mixer,pilot,galley,citadel,sidecar-injector]}
  namespaceSelector:
    any: true
  endpoints:
  - port: http-monitoring
    interval: 15s
  - port: http-policy-monitoring
    interval: 15s
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: envoy-stats-monitor
  namespace: istio-system
  labels:
    monitoring: istio-proxies
    release: istio
spec:
  selector:
    matchExpressions:
      - {key: istio-prometheus-ignore, operator: DoesNotExist}
  namespaceSelector:
    any: true
  jobLabel: envoy-stats
  endpoints:
  - path: /stats/prometheus
    targetPort: 15090
    interval: 15s
    relabelings:
    - sourceLabels: [__meta_kubernetes_pod_container_port_name]
      action: keep
      regex: '.*-envoy-prom'
    - action: labeldrop
      regex: "__meta_kubernetes_pod_label_(.+)"
    - sourceLabels: [__meta_kubernetes_namespace]
      action: replace
      targetLabel: namespace
    - sourceLabels: [__meta_kubernetes_pod_name]
      action: replace
      targetLabel: pod_name
`,
  },
  {
    minors: [6, 6],
    source: 'manifests/charts/istio-telemetry/prometheusOperator/templates/servicemonitors.yaml@1.6.14:20-72',
    path: 'manifests/charts/istio-telemetry/prometheusOperator/templates/servicemonitors.yaml', tag: '1.6.14', lines: [20, 72],
    how: 'istio-component-monitor and envoy-stats-monitor of the prometheusOperator chart istioctl 1.6 bundles, rendered with its defaults: namespace istio-system, release istio, scrapeInterval 15s',
    text: String.raw`apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: istio-component-monitor
  namespace: istio-system
  labels:
    monitoring: istio-components
    release: istio
spec:
  jobLabel: istio
  targetLabels: [app]
  selector:
    matchExpressions:
      - {key: istio, operator: In, values: [mixer,pilot,galley,citadel,sidecar-injector]}
  namespaceSelector:
    any: true
  endpoints:
  - port: http-monitoring
    interval: 15s
  - port: http-policy-monitoring
    interval: 15s
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: envoy-stats-monitor
  namespace: istio-system
  labels:
    monitoring: istio-proxies
    release: istio
spec:
  selector:
    matchExpressions:
      - {key: istio-prometheus-ignore, operator: DoesNotExist}
  namespaceSelector:
    any: true
  jobLabel: envoy-stats
  endpoints:
  - path: /stats/prometheus
    targetPort: 15090
    interval: 15s
    relabelings:
    - sourceLabels: [__meta_kubernetes_pod_container_port_name]
      action: keep
      regex: '.*-envoy-prom'
    - action: labeldrop
      regex: "__meta_kubernetes_pod_label_(.+)"
    - sourceLabels: [__meta_kubernetes_namespace]
      action: replace
      targetLabel: namespace
    - sourceLabels: [__meta_kubernetes_pod_name]
      action: replace
      targetLabel: pod_name
`,
  },
  {
    minors: [7, 7],
    source: 'samples/addons/extras/prometheus-operator.yaml@1.7.8 (blob 39441db)',
    path: SAMPLE, tag: '1.7.8', blob: '39441db',
    how: 'verbatim',
    text: String.raw`apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: envoy-stats-monitor
  namespace: istio-system
  labels:
    monitoring: istio-proxies
    release: istio
spec:
  selector:
    matchExpressions:
    - {key: istio-prometheus-ignore, operator: DoesNotExist}
  namespaceSelector:
    any: true
  jobLabel: envoy-stats
  endpoints:
  - path: /stats/prometheus
    targetPort: 15090
    interval: 15s
    relabelings:
    - sourceLabels: [__meta_kubernetes_pod_container_port_name]
      action: keep
      regex: '.*-envoy-prom'
    - action: labeldrop
      regex: "__meta_kubernetes_pod_label_(.+)"
    - sourceLabels: [__meta_kubernetes_namespace]
      action: replace
      targetLabel: namespace
    - sourceLabels: [__meta_kubernetes_pod_name]
      action: replace
      targetLabel: pod_name
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: istio-component-monitor
  namespace: istio-system
  labels:
    monitoring: istio-components
    release: istio
spec:
  jobLabel: istio
  targetLabels: [app]
  selector:
    matchExpressions:
    - {key: istio, operator: In, values: [pilot]}
  namespaceSelector:
    any: true
  endpoints:
  - port: http-monitoring
    interval: 15s
`,
  },
  {
    minors: [8, 17],
    source: 'samples/addons/extras/prometheus-operator.yaml@1.8.6 (blob 39a0444, the same file through 1.17.8)',
    path: SAMPLE, tag: '1.8.6', blob: '39a0444',
    how: 'verbatim',
    text: SAMPLE_1_8,
  },
  {
    minors: [18, 24],
    source: 'samples/addons/extras/prometheus-operator.yaml@1.18.7 (blob 73a926e, the same file through 1.24.6)',
    path: SAMPLE, tag: '1.18.7', blob: '73a926e',
    how: 'verbatim',
    text: SAMPLE_1_18,
  },
  {
    minors: [25, LATEST],
    source: 'samples/addons/extras/prometheus-operator.yaml@1.25.5 (blob d07c939, the same file through 1.30.3)',
    path: SAMPLE, tag: '1.25.5', blob: 'd07c939',
    how: 'verbatim',
    text: SAMPLE_1_25,
  },
];
