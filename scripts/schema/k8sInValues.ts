// From 1.29 istioctl decodes some free-form `values` fields as real Kubernetes types
// (ISTIOCTL-RULES.md: "strict k8s types inside values"; `invalid schema for <hint>: <err>`).
// The proto still says Struct, so the generator types them here.
// validateKubernetes decodes them with sigs.k8s.io/yaml UnmarshalStrict into the Kubernetes Go type
// (validation.go@1.29.6:238-248), so their shape is the vendored Kubernetes release's JSON.
import type { KubernetesTypes } from './kubernetesTypes.ts';
import type { SchemaNode } from './schemaNode.ts';
import { nullable } from './typeMapper.ts';

const CORE = 'k8s.io.api.core.v1';
const LABEL_SELECTOR = 'k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector';
const list = (t: string) => ({ list: t });
type Target = string | { list: string };

/** Paths below `values`; `*` is any key of a map of gateways. */
export const K8S_IN_VALUES: Array<[string, Target]> = [
  ['cni.affinity', `${CORE}.Affinity`],
  ['cni.seccompProfile', `${CORE}.SeccompProfile`],
  ...(['istio-ingressgateway', 'istio-egressgateway'] as const).flatMap((gw): Array<[string, Target]> => [
    [`gateways.${gw}.tolerations`, list(`${CORE}.Toleration`)],
    [`gateways.${gw}.podAntiAffinityLabelSelector`, list(LABEL_SELECTOR)],
    [`gateways.${gw}.podAntiAffinityTermLabelSelector`, list(LABEL_SELECTOR)],
  ]),
  ['global.defaultTolerations', list(`${CORE}.Toleration`)],
  ['pilot.tolerations', list(`${CORE}.Toleration`)],
  ['pilot.affinity', `${CORE}.Affinity`],
  ['pilot.seccompProfile', `${CORE}.SeccompProfile`],
  ['pilot.topologySpreadConstraints', list(`${CORE}.TopologySpreadConstraint`)],
  ['pilot.volumeMounts', list(`${CORE}.VolumeMount`)],
  ['pilot.volumes', list(`${CORE}.Volume`)],
  ['global.proxy.seccompProfile', `${CORE}.SeccompProfile`],
  ['global.proxy.lifecycle', `${CORE}.Lifecycle`],
  ['sidecarInjectorWebhook.neverInjectSelector', list(LABEL_SELECTOR)],
  ['sidecarInjectorWebhook.alwaysInjectSelector', list(LABEL_SELECTOR)],
  ['global.waypoint.affinity', `${CORE}.Affinity`],
  ['global.waypoint.topologySpreadConstraints', list(`${CORE}.TopologySpreadConstraint`)],
  // Checked as a NodeSelector (hint "global.waypoint.nideSelector", validation.go@1.29.6:232) although
  // the waypoint template renders it as a pod's label map: the rule waypointScheduling says so.
  ['global.waypoint.nodeSelector', `${CORE}.NodeSelector`],
  ['global.waypoint.toleration', list(`${CORE}.Toleration`)],
];

const ANNOTATIONS = ['description', 'deprecated', 'deprecationMessage', 'x-istio-hidden'];

/** Replaces each listed Struct field of the Values schema with its Kubernetes type (strict). */
export function typeK8sInValues(values: SchemaNode, kube: KubernetesTypes): void {
  for (const [path, target] of K8S_IN_VALUES) {
    const steps = path.split('.');
    let parent: SchemaNode | undefined = values;
    for (const s of steps.slice(0, -1)) parent = (parent?.properties as Record<string, SchemaNode> | undefined)?.[s];
    const props = parent?.properties as Record<string, SchemaNode> | undefined;
    const key = steps[steps.length - 1];
    const field = props?.[key];
    if (!props || !field) continue; // not in this release
    const body = typeof target === 'string'
      ? kube.typeSchema(target)
      : { type: nullable('array'), items: kube.typeSchema(target.list) };
    body['x-kubernetes-version'] = kube.version;
    const kept = Object.fromEntries(Object.entries(field).filter(([k]) => ANNOTATIONS.includes(k)));
    props[key] = { ...kept, ...body };
  }
}
