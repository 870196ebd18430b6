// The shape of a whole IstioOperator document for one release.
// 1.5–1.23: the IstioOperatorSpec proto, with `values` and `meshConfig` typed as Istio reads them.
// 1.24+: the field tree in operator-spec-1.24.yaml (Istio defines that spec in Go).
import fs from 'node:fs';
import path from 'node:path';
import protobuf from 'protobufjs';
import YAML from 'yaml';
import { readDoc } from './docs.ts';
import { typeK8sInValues } from './k8sInValues.ts';
import type { KubernetesTypes } from './kubernetesTypes.ts';
import type { SchemaNode } from './schemaNode.ts';
import { TypeMapper, nullable, scalarSchema, type MapOptions } from './typeMapper.ts';

const STRICT_PROTO: MapOptions = { decoding: 'protojson', lenient: false };
const LENIENT_PROTO: MapOptions = { decoding: 'protojson', lenient: true };
const GO: MapOptions = { decoding: 'gojson', lenient: false };

const OBJECT_META = 'k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta';

function documentSchema(metadata: SchemaNode, spec: SchemaNode): SchemaNode {
  return {
    type: 'object',
    'x-istio-type': 'IstioOperator',
    properties: {
      apiVersion: { description: 'The API version of the resource. Must be `install.istio.io/v1alpha1`.', type: 'string', enum: ['install.istio.io/v1alpha1'] },
      kind: { description: 'The kind of the resource. Must be `IstioOperator`.', type: 'string', enum: ['IstioOperator'] },
      metadata: { description: 'Standard Kubernetes object metadata: the name and namespace of the IstioOperator resource.', ...metadata },
      spec: { description: 'The desired installed state of Istio: profile, images, components, mesh configuration and Helm values.', ...spec },
      status: { description: 'Observed state, written by the operator; not part of an install file.', type: nullable('object'), 'x-istio-type': 'InstallStatus' },
    },
    additionalProperties: false,
  };
}

/** Proto era: IstioOperatorSpec with the fields that are Struct in the proto given their real types. */
export function protoEraDocument(mapper: TypeMapper, root: protobuf.Root): SchemaNode {
  const specType = root.lookupType('istio.operator.v1alpha1.IstioOperatorSpec');
  const spec = mapper.messageSchema(specType, STRICT_PROTO);
  const props = spec.properties as Record<string, SchemaNode>;
  const values = findValuesType(root);
  const retype = (key: string, body: SchemaNode) => {
    for (const [k, p] of Object.entries(props)) {
      if (k === key || p['x-istio-alias-of'] === key) {
        const annotations = Object.fromEntries(Object.entries(p).filter(([a]) => ['description', 'deprecated', 'deprecationMessage', 'x-istio-hidden', 'x-istio-alias-of'].includes(a)));
        props[k] = { ...annotations, ...body };
      }
    }
  };
  retype('meshConfig', mapper.typeSchema('istio.mesh.v1alpha1.MeshConfig', STRICT_PROTO));
  retype('values', mapper.typeSchema(values, STRICT_PROTO));
  retype('unvalidatedValues', { type: nullable('object'), 'x-istio-type': 'Struct' });
  return documentSchema(mapper.typeSchema(OBJECT_META, GO), spec);
}

function findValuesType(root: protobuf.Root): string {
  for (const name of ['v1alpha1.Values', 'istio.operator.v1alpha1.Values']) {
    try { root.lookupType(name); return name; } catch { /* try the next package name */ }
  }
  throw new Error('no Values message in this release');
}

/** Docs for the 1.24+ Go-defined fields, taken from the last proto (1.23) where the field existed. */
const GO_TO_PROTO: Record<string, string> = {
  IstioOperatorSpec: 'istio.operator.v1alpha1.IstioOperatorSpec',
  IstioComponentSpec: 'istio.operator.v1alpha1.IstioComponentSetSpec',
  BaseComponentSpec: 'istio.operator.v1alpha1.BaseComponentSpec',
  ComponentSpec: 'istio.operator.v1alpha1.ComponentSpec',
  GatewayComponentSpec: 'istio.operator.v1alpha1.GatewaySpec',
  KubernetesResources: 'istio.operator.v1alpha1.KubernetesResourcesSpec',
  KubernetesOverlay: 'istio.operator.v1alpha1.K8sObjectOverlay',
  Patch: 'istio.operator.v1alpha1.K8sObjectOverlay.PathValue',
};

interface GoField { type: string; comment?: string }
export type GoTree = Record<string, Record<string, GoField>>;

export function readGoSpec(file: string): GoTree {
  const doc = YAML.parseDocument(fs.readFileSync(file, 'utf8'));
  const out: GoTree = {};
  const top = doc.contents as YAML.YAMLMap<YAML.Scalar<string>, YAML.YAMLMap<YAML.Scalar<string>, YAML.Scalar<string>>>;
  for (const msg of top.items) {
    const fields: Record<string, GoField> = {};
    for (const f of msg.value!.items) {
      fields[String(f.key.value)] = { type: String(f.value!.value), comment: f.value!.comment?.trim() };
    }
    out[String(msg.key.value)] = fields;
  }
  return out;
}

/**
 * 1.24+: the Go-defined spec. Its Kubernetes types come from the vendored Kubernetes release's
 * OpenAPI definitions; `values` is decoded by golang/protobuf jsonpb with unknown fields refused
 * (`Values.UnmarshalJSON` → `jsonpb.Unmarshaler{}`, operator/pkg/apis/value_types_json.go@1.24.6:81-88,
 * called from validateValues, validation.go@1.24.6:116-120), while `meshConfig` is read with
 * `protomarshal.ApplyYAML`, which retries with unknown fields allowed (pkg/util/protomarshal@1.24.6:174-184).
 */
export function goEraDocument(mapper: TypeMapper, kube: KubernetesTypes, tree: GoTree, oldDocs: protobuf.Root | undefined, minor: number): SchemaNode {
  const build = (typeName: string, stack: string[]): SchemaNode => {
    const t = typeName.trim();
    const list = /^list<(.+)>$/.exec(t);
    if (list) return { type: nullable('array'), items: build(list[1], stack) };
    if (t === 'string') return { type: nullable('string') };
    if (t === 'bool') return { type: nullable('boolean') };
    if (t === 'uint32') return scalarSchema('uint32', 'gojson');
    if (t === 'any') return { type: nullable('string', 'number', 'integer', 'boolean', 'object', 'array'), 'x-istio-type': 'any' };
    if (t === 'object') return { type: nullable('object'), 'x-istio-type': 'Struct' };
    if (t === 'map<string,string>') return { type: nullable('object'), additionalProperties: { type: nullable('string') } };
    if (t === 'istio.mesh.v1alpha1.MeshConfig') return mapper.typeSchema(t, LENIENT_PROTO);
    if (t === 'istio.operator.v1alpha1.Values') {
      const values = mapper.typeSchema(valuesName(mapper), STRICT_PROTO);
      if (minor >= 29) typeK8sInValues(values, kube);
      return values;
    }
    const fields = tree[t];
    if (!fields) return kube.has(t) ? { ...kube.typeSchema(t), 'x-kubernetes-version': kube.version } : mapper.typeSchema(t, GO);
    if (stack.includes(t)) throw new Error(`recursive spec type ${t}`);
    const protoDocs = protoType(oldDocs, GO_TO_PROTO[t]);
    const properties: Record<string, SchemaNode> = {};
    for (const [key, f] of Object.entries(fields)) {
      const body = build(f.type, [...stack, t]);
      const pf = protoDocs?.fields[key];
      const doc = readDoc(pf?.comment);
      const node: SchemaNode = {};
      const description = doc.markdown || (f.comment ? sentence(f.comment) : '');
      if (description) node.description = description;
      properties[key] = { ...node, ...body };
    }
    return { type: nullable('object'), 'x-istio-type': t, properties, additionalProperties: false };
  };
  const spec = build('IstioOperatorSpec', []);
  // The whole CR is decoded with DisallowUnknownFields, metadata included (validation.go@1.24.6:46-52).
  return documentSchema({ ...kube.typeSchema(OBJECT_META), 'x-kubernetes-version': kube.version }, spec);
}

function valuesName(mapper: TypeMapper): string {
  for (const name of ['istio.operator.v1alpha1.Values', 'v1alpha1.Values']) {
    try { mapper.lookup(name); return name; } catch { /* next */ }
  }
  throw new Error('no Values message');
}

function protoType(root: protobuf.Root | undefined, name: string | undefined): protobuf.Type | undefined {
  if (!root || !name) return undefined;
  try { return root.lookupType(name); } catch { return undefined; }
}

function sentence(s: string): string {
  const t = s.charAt(0).toUpperCase() + s.slice(1);
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

export const goSpecFile = (dir: string) => path.join(dir, 'operator-spec-1.24.yaml');
