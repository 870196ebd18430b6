// The Kubernetes types of 1.24+ (`components.*.k8s`, `metadata`, and the values fields 1.29+ checks),
// from the OpenAPI definitions of the Kubernetes release that Istio minor vendored
// (../shared/kubernetes/<k8s minor>/definitions.json, picked by istio-vendored.json).
// istioctl 1.24+ decodes them with encoding/json and DisallowUnknownFields
// (operator/pkg/apis/validation/validation.go@1.24.6:46-52), so the shape is Kubernetes' own JSON:
// inline structs flattened, which the OpenAPI definitions already show; the k8s protos do not.
import fs from 'node:fs';
import path from 'node:path';
import type { SchemaNode } from './schemaNode.ts';
import { DURATION_PATTERN, QUANTITY_PATTERN, nullable } from './typeMapper.ts';

interface OpenApiProperty {
  $ref?: string;
  type?: string;
  format?: string;
  description?: string;
  items?: OpenApiProperty;
  additionalProperties?: OpenApiProperty | boolean;
  enum?: unknown[];
}

interface OpenApiDefinition extends OpenApiProperty {
  properties?: Record<string, OpenApiProperty>;
  required?: string[];
}

interface DefinitionsFile { kubernetesVersion: string; definitions: Record<string, OpenApiDefinition> }

/** The Kubernetes minor each Istio minor from 1.24 vendored (its go.mod's k8s.io/api). */
export function vendoredKubernetes(kubeDir: string): Map<string, string> {
  const file = path.join(kubeDir, 'istio-vendored.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { kubernetes: string }>;
  return new Map(Object.entries(data).map(([istio, v]) => [istio, v.kubernetes]));
}

/** "Possible enum values:\n - `"Always"` means …" (the swagger.json Kubernetes publishes writes enums so). */
export function enumFromDescription(description: string | undefined): string[] | undefined {
  if (!description) return undefined;
  const at = description.indexOf('Possible enum values:');
  if (at < 0) return undefined;
  const values = [...description.slice(at).matchAll(/^\s*-\s*`"([^"`]*)"`/gm)].map((m) => m[1]);
  return values.length ? values : undefined;
}

export class KubernetesTypes {
  readonly version: string;
  private readonly definitions: Record<string, OpenApiDefinition>;
  private readonly stack: string[] = [];

  constructor(file: string) {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as DefinitionsFile;
    this.version = data.kubernetesVersion;
    this.definitions = data.definitions;
  }

  static forRelease(kubeDir: string, kubernetesMinor: string): KubernetesTypes {
    return new KubernetesTypes(path.join(kubeDir, kubernetesMinor, 'definitions.json'));
  }

  /** Whether a proto-style name (`k8s.io.api.core.v1.Probe`) has an OpenAPI definition here. */
  has(protoName: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.definitions, openApiName(protoName));
  }

  /** The schema of a type by its proto-style name, e.g. `k8s.io.api.core.v1.Volume`. */
  typeSchema(protoName: string): SchemaNode {
    const name = openApiName(protoName);
    if (!this.has(protoName)) throw new Error(`no Kubernetes ${this.version} definition for ${protoName}`);
    return this.definitionSchema(name);
  }

  private definitionSchema(name: string): SchemaNode {
    const special = specialType(name);
    if (special) return special;
    const def = this.definitions[name];
    if (!def.properties) return this.valueSchema(def, name);
    if (this.stack.includes(name)) return { type: nullable('object'), 'x-istio-type': protoStyle(name) };
    this.stack.push(name);
    try {
      const properties: Record<string, SchemaNode> = {};
      for (const [key, prop] of Object.entries(def.properties)) {
        const node: SchemaNode = {};
        if (prop.description) node.description = prop.description;
        properties[key] = { ...node, ...this.valueSchema(prop, `${name}.${key}`) };
      }
      const out: SchemaNode = { type: nullable('object'), 'x-istio-type': protoStyle(name), properties, additionalProperties: false };
      if (def.required?.length) out['x-kubernetes-required'] = [...def.required];
      return out;
    } finally {
      this.stack.pop();
    }
  }

  private valueSchema(prop: OpenApiProperty, where: string): SchemaNode {
    if (prop.$ref) return this.definitionSchema(prop.$ref.replace(/^#\/definitions\//, ''));
    switch (prop.type) {
      case 'string': {
        const node: SchemaNode = { type: nullable('string') };
        if (prop.format === 'int-or-string') return { type: nullable('integer', 'string'), 'x-istio-type': 'IntOrString' };
        if (prop.format === 'date-time') node['x-istio-type'] = 'Time';
        const values = (prop.enum as string[] | undefined) ?? enumFromDescription(prop.description);
        // encoding/json takes any string; Kubernetes refuses the others when the object is applied.
        if (values) node['x-kubernetes-enum'] = values;
        return node;
      }
      case 'integer': return { type: nullable('integer'), 'x-istio-scalar': prop.format ?? 'int64' };
      case 'number': return { type: nullable('number'), 'x-istio-scalar': prop.format ?? 'double' };
      case 'boolean': return { type: nullable('boolean') };
      case 'array': {
        if (!prop.items) throw new Error(`array without items at ${where}`);
        return { type: nullable('array'), items: this.valueSchema(prop.items, `${where}[]`) };
      }
      case 'object': {
        if (prop.additionalProperties && typeof prop.additionalProperties === 'object') {
          return { type: nullable('object'), additionalProperties: this.valueSchema(prop.additionalProperties, `${where}.*`) };
        }
        return { type: nullable('object'), 'x-istio-type': 'Struct' };
      }
      default:
        if (prop.type === undefined && !prop.$ref) return { 'x-istio-type': 'any' };
        throw new Error(`unexpected OpenAPI type ${prop.type} at ${where}`);
    }
  }
}

/** Types Kubernetes reads with their own JSON form rather than their OpenAPI object shape. */
function specialType(name: string): SchemaNode | undefined {
  switch (name) {
    case 'io.k8s.apimachinery.pkg.util.intstr.IntOrString':
      return { type: nullable('integer', 'string'), 'x-istio-type': 'IntOrString' };
    case 'io.k8s.apimachinery.pkg.api.resource.Quantity':
      // Quantity.UnmarshalJSON strips optional quotes and parses (apimachinery pkg/api/resource/quantity.go).
      return { type: nullable('string', 'number'), pattern: QUANTITY_PATTERN, 'x-istio-type': 'Quantity' };
    case 'io.k8s.apimachinery.pkg.apis.meta.v1.Time':
    case 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime':
      return { type: nullable('string'), 'x-istio-type': 'Time' };
    case 'io.k8s.apimachinery.pkg.apis.meta.v1.Duration':
      return { type: nullable('string'), pattern: DURATION_PATTERN, 'x-istio-type': 'Duration' };
    case 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1':
    case 'io.k8s.apimachinery.pkg.runtime.RawExtension':
      return { type: nullable('object'), 'x-istio-type': name.split('.').pop() };
  }
  return undefined;
}

const openApiName = (protoName: string) => protoName.replace(/^\.?k8s\.io\./, 'io.k8s.');
const protoStyle = (openApi: string) => openApi.replace(/^io\.k8s\./, 'k8s.io.');
