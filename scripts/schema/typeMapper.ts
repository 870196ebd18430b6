// Maps protobuf messages and fields to JSON Schema the way Istio reads its YAML.
import protobuf from 'protobufjs';
import { readDoc } from './docs.ts';
import type { SchemaNode } from './schemaNode.ts';

/**
 * protojson: decoded with protobuf's JSON rules (numbers may be quoted, enum numbers allowed,
 * the original field name works as well as the JSON name).
 * gojson: decoded into Go structs with encoding/json (Kubernetes types from 1.24 on).
 */
export type Decoding = 'protojson' | 'gojson';

export interface MapOptions {
  decoding: Decoding;
  /** Unknown keys are silently dropped (protojson with DiscardUnknown). */
  lenient: boolean;
}

export const nullable = (...types: string[]): string[] => [...types, 'null'];

const INT_TYPES = new Set(['int32', 'sint32', 'sfixed32', 'uint32', 'fixed32', 'int64', 'sint64', 'sfixed64', 'uint64', 'fixed64']);
const FLOAT_TYPES = new Set(['double', 'float']);

export const DURATION_PATTERN = '^[-+]?(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$';
export const QUANTITY_PATTERN = '^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$';

export function scalarSchema(type: string, decoding: Decoding): SchemaNode {
  if (type === 'string') return { type: nullable('string') };
  if (type === 'bytes') return { type: nullable('string'), contentEncoding: 'base64' };
  if (type === 'bool') return { type: nullable('boolean') };
  if (INT_TYPES.has(type)) {
    const unsigned = type.startsWith('uint') || type.startsWith('fixed');
    const node: SchemaNode = decoding === 'protojson'
      ? { type: nullable('integer', 'string'), pattern: unsigned ? '^\\+?[0-9]+$' : '^[-+]?[0-9]+$' }
      : { type: nullable('integer') };
    if (unsigned) node.minimum = 0;
    node['x-istio-scalar'] = type;
    return node;
  }
  if (FLOAT_TYPES.has(type)) {
    return decoding === 'protojson'
      ? { type: nullable('number', 'string'), pattern: '^([-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?|NaN|-?Infinity)$', 'x-istio-scalar': type }
      : { type: nullable('number'), 'x-istio-scalar': type };
  }
  throw new Error(`unknown scalar type ${type}`);
}

const intOrString = (): SchemaNode => ({ type: nullable('integer', 'string'), 'x-istio-type': 'IntOrString' });
const freeForm = (what: string): SchemaNode => ({ type: nullable('object'), 'x-istio-type': what });

/** Types whose YAML form is not their proto shape. */
function wellKnown(fullName: string, decoding: Decoding): SchemaNode | undefined {
  const name = fullName.replace(/^\./, '');
  const short = name.split('.').pop()!;
  switch (name) {
    case 'google.protobuf.BoolValue': return scalarSchema('bool', decoding);
    case 'google.protobuf.StringValue': return scalarSchema('string', decoding);
    case 'google.protobuf.BytesValue': return scalarSchema('bytes', decoding);
    case 'google.protobuf.Int32Value': return scalarSchema('int32', decoding);
    case 'google.protobuf.UInt32Value': return scalarSchema('uint32', decoding);
    case 'google.protobuf.Int64Value': return scalarSchema('int64', decoding);
    case 'google.protobuf.UInt64Value': return scalarSchema('uint64', decoding);
    case 'google.protobuf.DoubleValue': return scalarSchema('double', decoding);
    case 'google.protobuf.FloatValue': return scalarSchema('float', decoding);
    case 'google.protobuf.Struct': return freeForm('Struct');
    case 'google.protobuf.Any': return freeForm('Any');
    case 'google.protobuf.Value': return { 'x-istio-type': 'Value' };
    case 'google.protobuf.ListValue': return { type: nullable('array'), 'x-istio-type': 'ListValue' };
    case 'google.protobuf.Empty': return { type: nullable('object'), properties: {}, additionalProperties: false, 'x-istio-type': 'Empty' };
    case 'google.protobuf.Duration':
    case 'k8s.io.apimachinery.pkg.apis.meta.v1.Duration':
      return { type: nullable('string'), pattern: DURATION_PATTERN, 'x-istio-type': 'Duration' };
    case 'google.protobuf.Timestamp':
    case 'k8s.io.apimachinery.pkg.apis.meta.v1.Time':
    case 'k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime':
      return { type: nullable('string'), 'x-istio-type': 'Time' };
    case 'k8s.io.apimachinery.pkg.api.resource.Quantity':
      return { type: nullable('string', 'number'), pattern: QUANTITY_PATTERN, 'x-istio-type': 'Quantity' };
    case 'k8s.io.apimachinery.pkg.runtime.RawExtension':
      return freeForm('RawExtension');
    case 'k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1':
      return freeForm('FieldsV1');
  }
  if (short === 'IntOrString' || /^TypeIntOrStringForPB$/.test(short)) return intOrString();
  // Placeholders in the operator protos for Go types that have no proto form.
  if (/^TypeInterface(\d+|_\w+)?$/.test(short)) return { 'x-istio-type': 'any' };
  if (/^TypeMapStringInterface(\d+|_\w+)?$/.test(short)) return freeForm('map');
  if (short === 'TypeBoolValueForPB') return scalarSchema('bool', decoding);
  if (short === 'TypeSliceOfMapStringInterface') return { type: nullable('array'), items: freeForm('map') };
  if (short === 'TypeSliceString') return { type: nullable('array'), items: { type: 'string' } };
  return undefined;
}

/**
 * JSON names set with `json_name` in some release, keyed by "Message#fieldNumber". Older releases set the
 * same names through Go struct tags instead, which the protos do not show, so they apply to all.
 */
export type JsonNameOverrides = Map<string, string>;

export function collectJsonNames(roots: protobuf.Root[]): JsonNameOverrides {
  const out: JsonNameOverrides = new Map();
  const visit = (ns: protobuf.NamespaceBase) => {
    for (const child of ns.nestedArray) {
      if (child instanceof protobuf.Type) {
        for (const f of child.fieldsArray) {
          const explicit = f.options?.json_name as string | undefined;
          if (explicit) out.set(`${child.name}#${f.id}`, explicit);
        }
      }
      if (child instanceof protobuf.Namespace || child instanceof protobuf.Type) visit(child);
    }
  };
  roots.forEach(visit);
  return out;
}

let overrides: JsonNameOverrides = new Map();
export function useJsonNameOverrides(o: JsonNameOverrides): void { overrides = o; }

/** The JSON name protoc gives a field: underscores dropped, the next letter upper-cased. */
export function jsonName(field: protobuf.Field): string {
  const explicit = (field.options?.json_name as string | undefined) ?? overrides.get(`${field.parent?.name}#${field.id}`);
  if (explicit) return explicit;
  let out = '';
  let upper = false;
  for (const c of field.name) {
    if (c === '_') upper = true;
    else if (upper) { out += c.toUpperCase(); upper = false; }
    else out += c;
  }
  return out;
}

export class TypeMapper {
  private stack: string[] = [];
  constructor(private readonly root: protobuf.Root) {}

  lookup(fullName: string): protobuf.Type | protobuf.Enum {
    return this.root.lookupTypeOrEnum(fullName);
  }

  /** The schema of a message or enum by full name. */
  typeSchema(fullName: string, opts: MapOptions): SchemaNode {
    const special = wellKnown(fullName, opts.decoding);
    if (special) return special;
    const t = this.lookup(fullName);
    return t instanceof protobuf.Enum ? this.enumSchema(t, opts) : this.messageSchema(t, opts);
  }

  enumSchema(e: protobuf.Enum, opts: MapOptions): SchemaNode {
    const names = Object.keys(e.values);
    const numbers = [...new Set(Object.values(e.values))];
    const node: SchemaNode = {
      type: nullable('string', 'integer'),
      enum: [...names, ...(opts.decoding === 'protojson' ? numbers : []), null],
      'x-istio-type': e.fullName.replace(/^\./, ''),
    };
    const docs: Record<string, string> = {};
    for (const n of names) {
      const d = readDoc(e.comments?.[n]).markdown;
      if (d) docs[n] = d;
    }
    if (Object.keys(docs).length) node['x-istio-enum-docs'] = docs;
    return node;
  }

  messageSchema(t: protobuf.Type, opts: MapOptions): SchemaNode {
    const name = t.fullName.replace(/^\./, '');
    if (this.stack.includes(name)) {
      // A recursive type: below the first level it is left free-form.
      return freeForm(name);
    }
    this.stack.push(name);
    try {
      const properties: Record<string, SchemaNode> = {};
      const aliases: Record<string, SchemaNode> = {};
      for (const f of t.fieldsArray) {
        const key = jsonName(f);
        properties[key] = this.fieldSchema(f, opts);
        if (opts.decoding === 'protojson' && f.name !== key) {
          aliases[f.name] = { 'x-istio-alias-of': key, ...stripAnnotations(properties[key]) };
        }
      }
      const node: SchemaNode = { type: nullable('object'), 'x-istio-type': name, properties: { ...properties, ...aliases } };
      if (opts.lenient) node['x-istio-unknown-keys'] = 'ignored';
      else node.additionalProperties = false;
      const oneofs = t.oneofsArray.filter((o) => o.fieldsArray.length > 1);
      if (oneofs.length) {
        const dependencies: Record<string, SchemaNode> = {};
        const groups: string[][] = [];
        for (const o of oneofs) {
          const members = o.fieldsArray.flatMap((f) => [...new Set([jsonName(f), f.name])]);
          groups.push(o.fieldsArray.map((f) => jsonName(f)));
          for (const m of members) {
            const others = members.filter((x) => x !== m && !sameField(o, x, m));
            dependencies[m] = { properties: Object.fromEntries(others.map((x) => [x, false])) };
          }
        }
        node.dependencies = dependencies;
        node['x-istio-oneof'] = groups;
      }
      return node;
    } finally {
      this.stack.pop();
    }
  }

  fieldSchema(f: protobuf.Field, opts: MapOptions): SchemaNode {
    const doc = readDoc(f.comment);
    let value: SchemaNode;
    // Relative names resolve against the field's scope; use the resolved full name.
    const typeName = f.resolvedType ? f.resolvedType.fullName : f.type;
    if (f.map) {
      const mf = f as unknown as protobuf.MapField;
      value = { type: nullable('object'), additionalProperties: this.valueSchema(typeName, opts) };
      if (mf.keyType !== 'string') value.propertyNames = { pattern: '^[-+]?[0-9]+$' };
    } else if (f.repeated) {
      value = { type: nullable('array'), items: this.valueSchema(typeName, opts) };
    } else {
      value = this.valueSchema(typeName, opts);
    }
    const node: SchemaNode = {};
    let description = doc.markdown;
    if (!description && f.resolvedType) description = readDoc(f.resolvedType.comment).markdown;
    if (description) node.description = description;
    if (f.options?.deprecated === true || doc.deprecation) {
      node.deprecated = true;
      node.deprecationMessage = doc.deprecation ?? 'Deprecated.';
    }
    if (doc.hidden) node['x-istio-hidden'] = true;
    return { ...node, ...value };
  }

  private valueSchema(type: string, opts: MapOptions): SchemaNode {
    if (/^(u?int|s?fixed|sint)(32|64)$|^(double|float|bool|string|bytes)$/.test(type)) {
      return scalarSchema(type, opts.decoding);
    }
    return this.typeSchema(type, opts);
  }

  /** The full name a field's type resolves to, for callers that follow the tree. */
  resolvedName(t: protobuf.Type, fieldName: string): string {
    const f = t.fields[fieldName];
    return f.resolvedType!.fullName;
  }
}

function sameField(o: protobuf.OneOf, a: string, b: string): boolean {
  return o.fieldsArray.some((f) => [jsonName(f), f.name].includes(a) && [jsonName(f), f.name].includes(b));
}

/** An alias keeps the value shape and the deprecation, not the docs (completion never offers it). */
function stripAnnotations(n: SchemaNode): SchemaNode {
  const { description: _d, 'x-istio-hidden': _h, ...rest } = n;
  return rest;
}
