// The JSON Schema nodes the generator builds, and the extension keywords it adds to them.
export type SchemaNode = { [key: string]: unknown };

/** Keys that describe a property where it is used, as opposed to the shape of its value. */
export const ANNOTATION_KEYS = new Set([
  'description',
  'deprecated',
  'deprecationMessage',
  'x-istio-versions',
  'x-istio-defaults',
  'x-istio-chart-default',
  'x-istio-alias-of',
  'x-istio-hidden',
  'x-istio-set-path',
  'x-istio-move-to',
]);

export function splitAnnotations(node: SchemaNode): { annotations: SchemaNode; body: SchemaNode } {
  const annotations: SchemaNode = {};
  const body: SchemaNode = {};
  for (const [k, v] of Object.entries(node)) (ANNOTATION_KEYS.has(k) ? annotations : body)[k] = v;
  return { annotations, body };
}

/** Child schemas by key; `[]` for list items and `*` for map values. */
export function children(node: SchemaNode): Array<[string, SchemaNode]> {
  const out: Array<[string, SchemaNode]> = [];
  const props = node.properties as Record<string, SchemaNode> | undefined;
  if (props) for (const [k, v] of Object.entries(props)) if (!v['x-istio-alias-of']) out.push([k, v]);
  if (node.items && typeof node.items === 'object') out.push(['[]', node.items as SchemaNode]);
  if (node.additionalProperties && typeof node.additionalProperties === 'object') {
    out.push(['*', node.additionalProperties as SchemaNode]);
  }
  return out;
}
