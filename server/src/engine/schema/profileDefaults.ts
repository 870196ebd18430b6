// The defaults a document's profile gives each field (from the schema's x-istio-defaults).
import { isMap, type Document } from 'yaml';
import type { IstioSchema, SchemaNode } from './schemaStore.ts';
import { deref, keyName } from '../parse/yamlNodes.ts';

/** The field's default in `profile`, or undefined when the profile leaves it unset. */
export function defaultIn(node: SchemaNode, profile: string): unknown {
  const d = node['x-istio-defaults'] as Record<string, unknown> | undefined;
  if (!d) return undefined;
  const v = Object.prototype.hasOwnProperty.call(d, profile) ? d[profile] : d.default;
  return v ?? undefined;
}

/** True when the YAML value only restates the profile's defaults (istioctl does not warn then). */
export function restatesDefault(schema: IstioSchema, node: SchemaNode, value: unknown, doc: Document, profile: string, depth = 0): boolean {
  if (depth > 20) return false;
  const v = deref(doc, value);
  if (!node.properties) {
    const def = defaultIn(node, profile);
    if (def === undefined) return false;
    const json = (v as { toJSON?: () => unknown })?.toJSON?.();
    return JSON.stringify(json) === JSON.stringify(def);
  }
  if (!isMap(v)) return false;
  return v.items.every((pair) => {
    const key = keyName(pair);
    const child = key === undefined ? undefined : schema.property(node, key);
    return !!child && restatesDefault(schema, child.node, pair.value, doc, profile, depth + 1);
  });
}
