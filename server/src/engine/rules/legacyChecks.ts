// Checks of the 1.5–1.8 operator that later releases dropped.
import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { defaultIn } from '../schema/profileDefaults.ts';
import { keyName } from '../parse/yamlNodes.ts';
import type { Rule, RuleContext } from './ruleTypes.ts';

/** Addon charts the 1.6–1.8 operator bundles; their names must start lower-case. */
const ADDONS = ['grafana', 'kiali', 'prometheus', 'tracing', 'istiocoredns'];

/** validateAddonComponents (operator/pkg/validate/validate.go@1.7.8:190-203; also 1.6.14 and 1.8.6). */
export const addonComponentNames: Rule = {
  minors: [6, 8],
  check(ctx) {
    const addons = ctx.get(['spec', 'addonComponents']);
    if (!isMap(addons)) return;
    for (const pair of addons.items as Pair[]) {
      const key = keyName(pair);
      if (!key || !/^[A-Z]/.test(key)) continue;
      const lower = key[0].toLowerCase() + key.slice(1);
      if (!ADDONS.includes(lower)) continue;
      ctx.report(pair.key as Node, 'warning', 'invalid-addon-name', `istioctl ${ctx.schema.version} expects addon component names starting with a lower-case letter: write \`${lower}\` ("invalid addon component name: ${key}, expect component name starting with lower-case character" for the addons it bundles).`, ['spec', 'addonComponents', key]);
    }
  },
};

/** The user's value, else the profile's (these checks read the merged values). */
function effective(ctx: RuleContext, path: string[]): { value: unknown; node?: Node } {
  const node = ctx.get(path);
  if (isScalar(node) && node.value !== null) return { value: node.value, node };
  const schemaNode = ctx.schema.at(path);
  return { value: schemaNode ? defaultIn(schemaNode, ctx.profile) : undefined };
}

/** validateFeatures (operator/pkg/apis/istio/v1alpha1/validation/validation.go@1.5.10:49-62, @1.6.14:101-114): a warning. */
export const autoMtlsNeedsControlPlaneSecurity: Rule = {
  minors: [5, 6],
  check(ctx) {
    const auto = effective(ctx, ['spec', 'values', 'global', 'mtls', 'auto']);
    const cps = effective(ctx, ['spec', 'values', 'global', 'controlPlaneSecurityEnabled']);
    if (auto.value !== true || cps.value === true) return;
    const node = cps.node ?? auto.node;
    if (!node) return; // the profile alone: not the user's doing
    ctx.report(node, 'warning', 'feature-conflict', `istioctl ${ctx.schema.version} warns "security: auto mtls is enabled, but control plane security is not enabled": set \`values.global.controlPlaneSecurityEnabled: true\` or \`values.global.mtls.auto: false\`.`, cps.node ? ['spec', 'values', 'global', 'controlPlaneSecurityEnabled'] : ['spec', 'values', 'global', 'mtls', 'auto']);
  },
};
