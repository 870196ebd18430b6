// Deprecated and moved `values` paths that istioctl warns about, from ISTIOCTL-RULES.md.
// Paths are under spec.values unless they start with `spec.`; ranges are Istio minors.

export interface Deprecation {
  path: string;
  use: string; // the replacement, as the user should write it
  warn?: [number, number];
  error?: [number, number];
}

const meshSame = (paths: string[], range: [number, number], prefix = 'meshConfig.'): Deprecation[] =>
  paths.map((p) => ({ path: p, use: `\`${prefix}${p.split('.').pop()}\``, warn: range }));

export const DEPRECATIONS: Deprecation[] = [
  ...meshSame(['global.certificates', 'global.outboundTrafficPolicy', 'global.localityLbSetting', 'global.policyCheckFailOpen', 'global.enableTracing'], [6, 30]),
  ...meshSame(['global.proxy.accessLogFormat', 'global.proxy.accessLogFile', 'global.proxy.protocolDetectionTimeout'], [6, 30]),
  ...meshSame(['global.trustDomainAliases'], [6, 9]),
  ...meshSame(['global.trustDomain'], [8, 9]),
  ...meshSame(['global.proxy.accessLogEncoding'], [6, 7]),
  { path: 'global.proxy.concurrency', use: '`meshConfig.concurrency`', warn: [6, 6] },
  { path: 'global.proxy.concurrency', use: '`meshConfig.defaultConfig.concurrency`', warn: [7, 30] },
  { path: 'global.proxy.envoyAccessLogService', use: '`meshConfig.envoyAccessLogService`', warn: [6, 6] },
  { path: 'global.proxy.envoyAccessLogService', use: '`meshConfig.defaultConfig.envoyAccessLogService`', warn: [7, 30] },
  { path: 'global.proxy.envoyMetricsService', use: '`meshConfig.envoyMetricsService`', warn: [6, 6] },
  { path: 'global.proxy.envoyMetricsService', use: '`meshConfig.defaultConfig.envoyMetricsService`', warn: [7, 30] },
  { path: 'global.proxy.envoyAccessLogService.enabled', use: '`meshConfig.enableEnvoyAccessLogService`', warn: [7, 30] },
  { path: 'global.disablePolicyChecks', use: '`meshConfig.disablePolicyChecks`', warn: [6, 6] },
  { path: 'global.proxy.holdApplicationUntilProxyStarts', use: '`meshConfig.defaultConfig.holdApplicationUntilProxyStarts`', warn: [8, 30] },
  { path: 'pilot.ingress', use: '`meshConfig.ingressService`, `meshConfig.ingressControllerMode` and `meshConfig.ingressClass`', warn: [6, 30] },
  { path: 'global.mtls.enabled', use: 'a PeerAuthentication resource', warn: [6, 30] },
  { path: 'global.mtls.auto', use: '`meshConfig.enableAutoMtls`', warn: [6, 30] },
  ...['lightstep.address', 'lightstep.accessToken', 'zipkin.address', 'datadog.address'].map((p): Deprecation => (
    { path: `global.tracer.${p}`, use: `\`meshConfig.defaultConfig.tracing.${p}\``, warn: [8, 30] })),
  ...['debug', 'maxNumberOfAttributes', 'maxNumberOfAnnotations', 'maxNumberOfMessageEvents'].map((p): Deprecation => (
    { path: `global.tracer.stackdriver.${p}`, use: `\`meshConfig.defaultConfig.tracing.stackdriver.${p}\``, warn: [8, 20], error: [21, 30] })),
  { path: 'telemetry.v2.stackdriver.logging', use: '`values.telemetry.v2.stackdriver.outboundAccessLogging` and `values.telemetry.v2.stackdriver.inboundAccessLogging`', warn: [8, 20] },
  { path: 'telemetry.v2.prometheus.configOverride', use: 'custom configuration (the Telemetry API)', error: [24, 30] },
  { path: 'telemetry.v2.stackdriver.disableOutbound', use: 'custom configuration (the Telemetry API)', error: [24, 30] },
  { path: 'global.meshExpansion.enabled', use: 'Gateway resources (see samples/multicluster/)', warn: [8, 30] },
  { path: 'gateways.istio-ingressgateway.meshExpansionPorts', use: '`components.ingressGateways[name=istio-ingressgateway].k8s.service.ports`', warn: [8, 23] },
  { path: 'istiocoredns.enabled', use: 'in-proxy DNS capture (`ISTIO_META_DNS_CAPTURE`)', warn: [8, 30] },
  { path: 'spec.addonComponents.istiocoredns.enabled', use: 'in-proxy DNS capture (`ISTIO_META_DNS_CAPTURE`)', warn: [8, 23] },
  { path: 'global.centralIstiod', use: '`values.global.externalIstiod`', warn: [8, 23] },
  { path: 'global.arch', use: 'node affinity in the components\' `k8s.affinity`', warn: [10, 23] },
  ...['grafana', 'tracing', 'kiali', 'prometheus'].flatMap((a): Deprecation[] => [
    { path: `${a}.enabled`, use: 'the samples/addons deployments', warn: [7, 7], error: [8, 23] },
    { path: `spec.addonComponents.${a}.enabled`, use: 'the samples/addons deployments', warn: [7, 7], error: [8, 23] },
  ]),
  ...['telemetry.v1.enabled', 'pilot.policy.enabled', 'spec.components.telemetry.enabled', 'spec.components.policy.enabled'].map((p): Deprecation => (
    { path: p, use: 'nothing: Mixer is removed in Istio 1.8', warn: [7, 7] })),
];

/** The full document path of an entry (spec.values.… unless it starts with spec.). */
export const fullPath = (d: Deprecation): string => (d.path.startsWith('spec.') ? d.path : `spec.values.${d.path}`);
