// Builds the inline schema tree of every release (before annotations and de-duplication).
import path from 'node:path';
import type protobuf from 'protobufjs';
import { loadProtos } from './protoLoader.ts';
import { KubernetesTypes, vendoredKubernetes } from './kubernetesTypes.ts';
import { minorNumber, type MinorInfo } from './sources.ts';
import type { SchemaNode } from './schemaNode.ts';
import { goEraDocument, goSpecFile, protoEraDocument, readGoSpec } from './specTree.ts';
import { TypeMapper, collectJsonNames, useJsonNameOverrides } from './typeMapper.ts';

export async function buildTrees(dir: string, kubeDir: string, minors: MinorInfo[]): Promise<Map<string, SchemaNode>> {
  const roots = new Map<string, protobuf.Root>();
  for (const m of minors) roots.set(m.version, await loadProtos(path.join(dir, m.version, 'proto'), m.protoRoots));
  useJsonNameOverrides(collectJsonNames([...roots.values()]));
  const lastProtoEra = [...minors].reverse().find((m) => minorNumber(m.version) < 24);
  const docsRoot = lastProtoEra ? roots.get(lastProtoEra.version) : undefined;
  const goSpec = readGoSpec(goSpecFile(dir));
  const vendored = minors.some((m) => minorNumber(m.version) >= 24) ? vendoredKubernetes(kubeDir) : new Map<string, string>();
  const trees = new Map<string, SchemaNode>();
  for (const m of minors) {
    const root = roots.get(m.version)!;
    const mapper = new TypeMapper(root);
    if (minorNumber(m.version) < 24) { trees.set(m.version, protoEraDocument(mapper, root)); continue; }
    const kubernetes = vendored.get(m.version);
    if (!kubernetes) throw new Error(`istio-vendored.json names no Kubernetes release for Istio ${m.version}`);
    trees.set(m.version, goEraDocument(mapper, KubernetesTypes.forRelease(kubeDir, kubernetes), goSpec, docsRoot, minorNumber(m.version)));
  }
  return trees;
}
