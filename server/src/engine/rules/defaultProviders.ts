// From 1.18 the istiod chart writes `defaultProviders: {metrics: [prometheus]}` into the mesh config
// only when the file sets no `meshConfig.defaultProviders` at all ("default-prometheus",
// manifests/charts/istio-control/istio-discovery/templates/_helpers.tpl@1.18.7:1-10, configmap.yaml:12-26;
// the same at 1.30.3). A file that sets only `tracing` or `accessLogging` there silently turns Istio's
// metrics off: the proxies report nothing for Prometheus to scrape. istioctl says nothing.
import { isMap, isScalar, type Node } from 'yaml';
import { LATEST } from '../releases.ts';
import type { Rule } from './ruleTypes.ts';

const PATH = ['spec', 'meshConfig', 'defaultProviders'];

export const defaultProvidersWithoutMetrics: Rule = {
  minors: [18, LATEST],
  check(ctx) {
    const providers = ctx.get(PATH);
    if (!isMap(providers) || !providers.items.length || providers.has('metrics')) return;
    // Istio's metrics switched off on purpose: nothing is lost.
    for (const off of [['spec', 'values', 'telemetry', 'enabled'], ['spec', 'values', 'telemetry', 'v2', 'enabled'], ['spec', 'values', 'telemetry', 'v2', 'prometheus', 'enabled']]) {
      const v = ctx.get(off);
      if (isScalar(v) && v.value === false) return;
    }
    const set = providers.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '?')).map((k) => `\`${k}\``).join(', ');
    const keyNode = ctx.get(['spec', 'meshConfig']);
    const key = isMap(keyNode) ? (keyNode.items.find((p) => isScalar(p.key) && p.key.value === 'defaultProviders')?.key as Node | undefined) : undefined;
    ctx.report(key ?? providers, 'warning', 'feature-conflict',
      `\`meshConfig.defaultProviders\` sets only ${set}: from Istio 1.18 the istiod chart then leaves out its default \`metrics: [prometheus]\`, so the proxies report no Istio metrics and Prometheus scrapes nothing. Add \`metrics: [prometheus]\` here to keep them.`, PATH);
  },
};
