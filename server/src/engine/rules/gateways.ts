// Gateway names, and service ports that would need root (istioctl 1.7+ rejects them).
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { deref } from '../parse/yamlNodes.ts';
import { LATEST } from '../releases.ts';
import type { Rule, RuleContext } from './ruleTypes.ts';

const NAME = /^[a-z0-9.-]{1,254}$/;
const KINDS = ['ingressGateways', 'egressGateways'] as const;

function gateways(ctx: RuleContext, kind: string): Array<{ node: Node; index: number }> {
  const list = ctx.get(['spec', 'components', kind]);
  if (!isSeq(list)) return [];
  return list.items.map((n, index) => ({ node: deref(ctx.doc, n) as Node, index })).filter((g) => isMap(g.node));
}

export const gatewayNames: Rule = {
  minors: [6, LATEST],
  check(ctx) {
    for (const kind of KINDS) {
      for (const { node, index } of gateways(ctx, kind)) {
        const name = isMap(node) ? node.get('name', true) : undefined;
        if (!isScalar(name) || name.value === null) continue;
        const text = String(name.value);
        if (!NAME.test(text)) {
          ctx.report(name as Node, 'error', 'invalid-gateway-name', `invalid gateway name \`${text}\`: use lowercase letters, digits, \`.\` and \`-\` (istioctl rejects components.${kind}[${index}].name).`, ['spec', 'components', kind, index, 'name']);
        }
      }
    }
  },
};

export const privilegedPorts: Rule = {
  minors: [7, LATEST],
  check(ctx) {
    for (const kind of KINDS) {
      for (const { node, index } of gateways(ctx, kind)) {
        if (!isMap(node)) continue;
        const name = String((node.get('name', true) as { value?: unknown } | undefined)?.value ?? (kind === 'ingressGateways' ? 'istio-ingressgateway' : 'istio-egressgateway'));
        const valuesKey = kind === 'ingressGateways' ? 'istio-ingressgateway' : 'istio-egressgateway';
        const runAsRoot = ctx.get(['spec', 'values', 'gateways', valuesKey, 'runAsRoot']);
        if (isScalar(runAsRoot) && runAsRoot.value === true) continue;
        const ports = ctx.get(['spec', 'components', kind, index, 'k8s', 'service', 'ports']);
        if (!isSeq(ports)) continue;
        ports.items.forEach((raw, i) => {
          const p = deref(ctx.doc, raw);
          if (!isMap(p)) return;
          const port = Number((p.get('port', true) as { value?: unknown } | undefined)?.value);
          const targetNode = p.get('targetPort', true) as Node | undefined;
          const target = isScalar(targetNode) ? targetNode.value : undefined;
          const portName = String((p.get('name', true) as { value?: unknown } | undefined)?.value ?? '');
          const privileged = typeof target === 'number' ? target < 1024 : target === undefined && Number.isFinite(port) && port <= 1024;
          if (!privileged) return;
          const where = targetNode ?? (p as unknown as Node);
          const tp = typeof target === 'number' ? target : port;
          ctx.report(where, 'error', 'privileged-port',
            `port ${portName}/${port} in gateway ${name} invalid: targetPort is set to ${tp}, which requires root. Set targetPort to be greater than 1024 or configure values.gateways.${valuesKey}.runAsRoot=true`,
            ['spec', 'components', kind, index, 'k8s', 'service', 'ports', i]);
        });
      }
    }
  },
};
