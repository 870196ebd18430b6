// What Kubernetes itself refuses in the objects istioctl renders from the user's settings, where
// istioctl checks nothing: encoding/json (1.24+) and protobuf JSON do not know `required` fields or
// enum values, so istioctl renders the object and the API server rejects it at apply time.
import type { Pair } from 'yaml';
import type { SchemaNode } from '../schema/schemaStore.ts';
import { formatPath, keyName, setPath, type Step } from '../parse/yamlNodes.ts';

/**
 * Whether the user's object reaches Kubernetes as written. Helm `values` are rendered verbatim
 * (`toYaml`, ISTIOCTL-K8S.md Q3); a `k8s` setting is a strategic merge patch over the object the
 * chart renders (postprocess.go@1.24.6:111-145), which supplies required fields like an HPA's
 * `scaleTargetRef` — except inside list entries, which the user writes whole.
 */
function reachesKubernetesWhole(path: Step[]): boolean {
  if (path[0] === 'spec' && path[1] === 'values') return true;
  const k8s = path.lastIndexOf('k8s');
  return k8s >= 0 && path.slice(k8s + 1).some((s) => typeof s === 'number');
}

export function missingRequired(schema: SchemaNode, pairs: Pair[], path: Step[]): string | undefined {
  const required = schema['x-kubernetes-required'] as string[] | undefined;
  if (!required?.length || !reachesKubernetesWhole(path)) return undefined;
  const present = new Set(pairs.map((p) => keyName(p)));
  const missing = required.filter((k) => !present.has(k));
  if (!missing.length) return undefined;
  const names = missing.map((k) => `\`${k}\``).join(', ');
  const type = String(schema['x-istio-type'] ?? 'this object').split('.').pop();
  return `Kubernetes requires ${names} in ${type} \`${formatPath(path.slice(1))}\`: istioctl does not check it, and the API server refuses the object it renders.`;
}

export function enumOutsideKubernetes(schema: SchemaNode, value: unknown, path: Step[]): string | undefined {
  const values = schema['x-kubernetes-enum'] as string[] | undefined;
  if (!values || typeof value !== 'string' || values.includes(value)) return undefined;
  return `Kubernetes accepts ${values.map((v) => `\`${v}\``).join(', ')} for \`${setPath(path)}\`, not \`${value}\`: istioctl does not check it, and the API server refuses the object it renders.`;
}
