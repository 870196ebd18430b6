// Builds the inline schema tree of every release (before annotations and de-duplication).
import path from 'node:path';
import type protobuf from 'protobufjs';
import { loadProtos } from './protoLoader.ts';
import { KubernetesTypes, vendoredKubernetes } from './kubernetesTypes.ts';
import { minorNumber, type MinorInfo } from './sources.ts';
import type { SchemaNode } from './schemaNode.ts';
import { goEraDocument, protoEraDocument, type GoTree } from './specTree.ts';
import { TypeMapper, collectJsonNames, useJsonNameOverrides } from './typeMapper.ts';

/** `goSpecs`: the Go-defined spec of each 1.24+ minor (absent for the proto-defined releases). */
export async function buildTrees(dir: string, kubeDir: string, minors: MinorInfo[], goSpecs: Map<string, GoTree>): Promise<Map<string, SchemaNode>> {
  const roots = new Map<string, protobuf.Root>();
  for (const m of minors) roots.set(m.version, await loadProtos(path.join(dir, m.version, 'proto'), m.protoRoots));
  useJsonNameOverrides(collectJsonNames([...roots.values()]));
  const lastProtoEra = [...minors].reverse().find((m) => !goSpecs.has(m.version));
  const docsRoot = lastProtoEra ? roots.get(lastProtoEra.version) : undefined;
  const vendored = goSpecs.size ? vendoredKubernetes(kubeDir) : new Map<string, string>();
  const trees = new Map<string, SchemaNode>();
  for (const m of minors) {
    const root = roots.get(m.version)!;
    const mapper = new TypeMapper(root);
    const goSpec = goSpecs.get(m.version);
    if (!goSpec) { trees.set(m.version, protoEraDocument(mapper, root)); continue; }
    const kubernetes = vendored.get(m.version);
    if (!kubernetes) throw new Error(`istio-vendored.json names no Kubernetes release for Istio ${m.version}`);
    trees.set(m.version, goEraDocument(mapper, KubernetesTypes.forRelease(kubeDir, kubernetes), goSpec, docsRoot, minorNumber(m.version)));
  }
  return trees;
}
