// istioctl 1.14+ warns when a replica count is set while autoscaling is on.
import { isMap, isScalar, isSeq } from 'yaml';
import { LATEST } from '../releases.ts';
import { defaultIn } from '../schema/profileDefaults.ts';
import type { Rule, RuleContext } from './ruleTypes.ts';

function autoscale(ctx: RuleContext, path: string[]): boolean {
  const node = ctx.get(path);
  if (isScalar(node) && node.value !== null) return node.value === true;
  // Up to 1.23 the profile's value counts; from 1.24 only what the user sets.
  if (ctx.minor >= 24) return false;
  const schemaNode = ctx.schema.at(path);
  return schemaNode ? defaultIn(schemaNode, ctx.profile) === true : false;
}

/** 1.14–1.23 skip replicaCount when autoscaling is on (translate.go@1.14.6:266,365-379); 1.24+ set it. */
function consequence(minor: number): string {
  return minor <= 23
    ? 'istioctl skips it while autoscaling is on, so it has no effect: remove it, or set the HPA\'s minReplicas.'
    : 'istioctl sets it on the Deployment and the autoscaler then overrides it.';
}

export const replicaCountWithAutoscale: Rule = {
  minors: [14, LATEST],
  check(ctx) {
    const pilot = ctx.get(['spec', 'components', 'pilot', 'k8s', 'replicaCount']);
    if (pilot && autoscale(ctx, ['spec', 'values', 'pilot', 'autoscaleEnabled'])) {
      ctx.report(pilot, 'warning', 'replica-count-with-autoscale', `components.pilot.k8s.replicaCount should not be set when values.pilot.autoscaleEnabled is true: ${consequence(ctx.minor)}`, ['spec', 'components', 'pilot', 'k8s', 'replicaCount']);
    }
    for (const [kind, valuesKey] of [['ingressGateways', 'istio-ingressgateway'], ['egressGateways', 'istio-egressgateway']] as const) {
      const list = ctx.get(['spec', 'components', kind]);
      if (!isSeq(list)) continue;
      list.items.forEach((_, i) => {
        const rc = ctx.get(['spec', 'components', kind, i, 'k8s', 'replicaCount']);
        const gw = ctx.get(['spec', 'components', kind, i]);
        if (!rc || !isMap(gw)) return;
        if (autoscale(ctx, ['spec', 'values', 'gateways', valuesKey, 'autoscaleEnabled'])) {
          ctx.report(rc, 'warning', 'replica-count-with-autoscale', `components.${kind}[${i}].k8s.replicaCount should not be set when values.gateways.${valuesKey}.autoscaleEnabled is true: ${consequence(ctx.minor)}`, ['spec', 'components', kind, i, 'k8s', 'replicaCount']);
        }
      });
    }
  },
};
