// From 1.29 istioctl decodes some free-form `values` fields as real Kubernetes types
// (ISTIOCTL-RULES.md: "strict k8s types inside values"; `invalid schema for <hint>: <err>`).
// The proto still says Struct, so the generator types them here.
import type { SchemaNode } from './schemaNode.ts';
import { nullable, type TypeMapper } from './typeMapper.ts';

const CORE = 'k8s.io.api.core.v1';
const list = (t: string) => ({ list: t });
type Target = string | { list: string };

/** Paths below `values`; `*` is any key of a map of gateways. */
export const K8S_IN_VALUES: Array<[string, Target]> = [
  ['cni.affinity', `${CORE}.Affinity`],
  ['cni.seccompProfile', `${CORE}.SeccompProfile`],
  ['gateways.istio-ingressgateway.tolerations', list(`${CORE}.Toleration`)],
  ['gateways.istio-egressgateway.tolerations', list(`${CORE}.Toleration`)],
  ['global.defaultTolerations', list(`${CORE}.Toleration`)],
  ['pilot.tolerations', list(`${CORE}.Toleration`)],
  ['pilot.affinity', `${CORE}.Affinity`],
  ['pilot.seccompProfile', `${CORE}.SeccompProfile`],
  ['pilot.topologySpreadConstraints', list(`${CORE}.TopologySpreadConstraint`)],
  ['pilot.volumeMounts', list(`${CORE}.VolumeMount`)],
  ['pilot.volumes', list(`${CORE}.Volume`)],
  ['global.proxy.seccompProfile', `${CORE}.SeccompProfile`],
  ['global.proxy.lifecycle', `${CORE}.Lifecycle`],
  ['sidecarInjectorWebhook.neverInjectSelector', list('k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector')],
  ['sidecarInjectorWebhook.alwaysInjectSelector', list('k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector')],
  ['global.waypoint.affinity', `${CORE}.Affinity`],
  ['global.waypoint.topologySpreadConstraints', list(`${CORE}.TopologySpreadConstraint`)],
  ['global.waypoint.toleration', list(`${CORE}.Toleration`)],
];

const ANNOTATIONS = ['description', 'deprecated', 'deprecationMessage', 'x-istio-hidden'];

/** Replaces each listed Struct field of the Values schema with its Kubernetes type (strict). */
export function typeK8sInValues(values: SchemaNode, mapper: TypeMapper): void {
  for (const [path, target] of K8S_IN_VALUES) {
    const steps = path.split('.');
    let parent: SchemaNode | undefined = values;
    for (const s of steps.slice(0, -1)) parent = (parent?.properties as Record<string, SchemaNode> | undefined)?.[s];
    const props = parent?.properties as Record<string, SchemaNode> | undefined;
    const key = steps[steps.length - 1];
    const field = props?.[key];
    if (!props || !field) continue; // not in this release
    const body = typeof target === 'string'
      ? mapper.typeSchema(target, { decoding: 'gojson', lenient: false })
      : { type: nullable('array'), items: mapper.typeSchema(target.list, { decoding: 'gojson', lenient: false }) };
    const kept = Object.fromEntries(Object.entries(field).filter(([k]) => ANNOTATIONS.includes(k)));
    props[key] = { ...kept, ...body };
  }
}
