// Stages the Kubernetes definitions the 1.24+ schemas use, one folder per Kubernetes minor, in the
// form scripts/schema/kubernetesTypes.ts reads (`<k8s minor>/definitions.json` + istio-vendored.json).
// Input: a folder with `<k8s minor>/swagger.json` (the file Kubernetes publishes as
// api/openapi-spec/swagger.json) or `<k8s minor>/definitions.json` (already trimmed, as in
// ../shared/kubernetes). A swagger.json is trimmed to the closure of the types an IstioOperator embeds.
import fs from 'node:fs';
import path from 'node:path';
import type { Release } from './releases.ts';

/** The Kubernetes types an IstioOperator embeds (1.24+ components.*.k8s, metadata, the 1.29+ values checks). */
export const KUBERNETES_ROOTS = [
  'io.k8s.api.core.v1.PodSpec',
  'io.k8s.api.core.v1.ServiceSpec',
  'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec',
  'io.k8s.api.policy.v1.PodDisruptionBudgetSpec',
  'io.k8s.api.apps.v1.DeploymentStrategy',
  'io.k8s.api.apps.v1.DaemonSetUpdateStrategy',
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector',
];

type Definitions = Record<string, unknown>;

/** Writes `<out>/<k8s minor>/definitions.json` for every Kubernetes minor the Go-era releases pin, and istio-vendored.json. */
export function stageKubernetes(openApiDir: string, releases: Release[], goEra: Set<string>, out: string): void {
  const vendored: Record<string, { istioTag: string; 'k8s.io/api': string; kubernetes: string }> = {};
  for (const r of releases.filter((x) => goEra.has(x.version))) {
    vendored[r.version] = { istioTag: r.istioTag, 'k8s.io/api': r.k8sApi, kubernetes: r.kubernetes };
    const target = path.join(out, r.kubernetes, 'definitions.json');
    if (fs.existsSync(target)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, JSON.stringify(readDefinitions(openApiDir, r)));
  }
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'istio-vendored.json'), `${JSON.stringify(vendored, null, 1)}\n`);
}

function readDefinitions(openApiDir: string, r: Release): { kubernetesVersion: string; roots: string[]; definitions: Definitions } {
  const dir = path.join(openApiDir, r.kubernetes);
  const trimmed = path.join(dir, 'definitions.json');
  const swagger = path.join(dir, 'swagger.json');
  if (fs.existsSync(trimmed)) {
    const data = JSON.parse(fs.readFileSync(trimmed, 'utf8')) as { kubernetesVersion?: string; definitions?: Definitions };
    if (!data.definitions) throw new Error(`${trimmed}: no "definitions"`);
    const missing = KUBERNETES_ROOTS.filter((n) => !(n in data.definitions!));
    if (missing.length) throw new Error(`${trimmed}: lacks ${missing.join(', ')}`);
    return { kubernetesVersion: data.kubernetesVersion ?? r.kubernetes, roots: KUBERNETES_ROOTS, definitions: data.definitions };
  }
  if (fs.existsSync(swagger)) {
    const data = JSON.parse(fs.readFileSync(swagger, 'utf8')) as { definitions?: Definitions };
    if (!data.definitions) throw new Error(`${swagger}: no "definitions" (is it Kubernetes' api/openapi-spec/swagger.json?)`);
    return { kubernetesVersion: r.kubernetes, roots: KUBERNETES_ROOTS, definitions: closure(data.definitions, KUBERNETES_ROOTS, swagger) };
  }
  throw new Error(`Istio ${r.istioTag} vendors Kubernetes ${r.kubernetes} (k8s.io/api ${r.k8sApi}); --kubernetes-openapi ${openApiDir} has no ${r.kubernetes}/swagger.json or ${r.kubernetes}/definitions.json. Add kubernetes/kubernetes' api/openapi-spec/swagger.json of release-${r.kubernetes} there.`);
}

/** The definitions reachable from the roots through `$ref`, sorted by name. */
export function closure(all: Definitions, roots: string[], where: string): Definitions {
  const seen = new Set<string>();
  const todo = [...roots];
  while (todo.length) {
    const name = todo.pop()!;
    if (seen.has(name)) continue;
    if (!(name in all)) throw new Error(`${where}: no definition ${name}`);
    seen.add(name);
    for (const m of JSON.stringify(all[name]).matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g)) todo.push(m[1]);
  }
  return Object.fromEntries([...seen].sort().map((n) => [n, all[n]]));
}
