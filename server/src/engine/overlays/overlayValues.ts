// A patch's value against the type of the field it replaces. istioctl writes the value as given
// (tpath setValueContext replaces the node: tree.go@1.20.8:334-420, @1.24.6:295-370); the API
// server then refuses a wrong type ("cannot unmarshal …") and drops or refuses unknown fields.
import { isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import YAML from 'yaml';
import { deref, jsonType, keyName } from '../parse/yamlNodes.ts';
import { closest } from '../validate/suggest.ts';
import type { KubernetesObjects } from './kubernetesObjects.ts';

export interface ValueProblem { node: Node; message: string; at: Array<string | number> }

/**
 * tryToUnmarshalStringToYAML (tree.go@1.20.8:543-566): a one-line string holding `: `, or a
 * multi-line one holding `:`, that is not a JSON object but parses as a YAML map, becomes that map.
 */
export function stringAsMap(s: string): Record<string, unknown> | undefined {
  const lines = s.split('\n');
  if (!((lines.length === 1 && s.includes(': ')) || (lines.length > 1 && s.includes(':')))) return undefined;
  try {
    const j = JSON.parse(s);
    if (j && typeof j === 'object' && !Array.isArray(j)) return undefined;
  } catch { /* not JSON */ }
  try {
    const y = YAML.parse(s, { version: '1.1' });
    return y && typeof y === 'object' && !Array.isArray(y) ? (y as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const JSON_NAMES: Record<string, string> = { object: 'a map', array: 'a list', string: 'a string', integer: 'an integer', number: 'a number', boolean: 'a boolean', null: 'null' };

function jsType(v: unknown): keyof typeof JSON_NAMES {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'boolean') return 'boolean';
  return 'string';
}

function scalarFits(scalar: string, t: string): boolean {
  switch (scalar) {
    case 's': case 't': return t === 'string';
    case 'i': return t === 'integer';
    case 'n': return t === 'integer' || t === 'number';
    case 'b': return t === 'boolean';
    case 'q': return t === 'string' || t === 'integer' || t === 'number';
    case 'io': return t === 'string' || t === 'integer';
    default: return true;
  }
}

/**
 * Problems of a value (a YAML node, or a JS value read out of a string, reported at `at`) for a
 * field of type `code`; `where` is the field's path in the object, for messages.
 */
export function valueProblems(doc: Document, kube: KubernetesObjects, code: string, value: unknown, where: string, reportAt: Node, depth = 0, at: Array<string | number> = []): ValueProblem[] {
  if (depth > 30) return [];
  const node = deref(doc, value);
  const yamlNode = isMap(node) || isSeq(node) || isScalar(node);
  const t = kube.decode(code);
  const actual = yamlNode ? jsonType(node) : jsType(value);
  if (actual === 'null' || t.shape === 'any') return [];
  const here = yamlNode ? (node as Node) : reportAt;
  const wrong = (): ValueProblem[] => [{ node: here, at, message: `\`${where}\` is ${kube.describe(code)} in Kubernetes ${kube.release}, not ${JSON_NAMES[actual]}: istioctl writes the value as it is and the API server refuses the object.` }];
  if (t.shape === 'scalar') return scalarFits(t.scalar, actual) ? [] : wrong();
  if (t.shape === 'array') {
    if (actual !== 'array') return wrong();
    const items: unknown[] = yamlNode ? (node as { items: unknown[] }).items : (value as unknown[]);
    return items.flatMap((x, i) => valueProblems(doc, kube, t.of, x, `${where}[${i}]`, reportAt, depth + 1, [...at, i]));
  }
  if (actual !== 'object') return wrong();
  const entries: Array<{ key: string; value: unknown; keyNode?: Node }> = yamlNode
    ? ((node as { items: Pair[] }).items).map((p) => ({ key: keyName(p) ?? '', value: p.value, keyNode: p.key as Node }))
    : Object.entries(value as Record<string, unknown>).map(([key, v]) => ({ key, value: v }));
  const out: ValueProblem[] = [];
  for (const e of entries) {
    if (t.shape === 'map') { out.push(...valueProblems(doc, kube, t.of, e.value, `${where}.${e.key}`, reportAt, depth + 1, [...at, e.key])); continue; }
    const field = t.fields[e.key];
    if (!field) {
      const hint = closest(e.key, Object.keys(t.fields));
      out.push({ node: e.keyNode ?? reportAt, at: [...at, e.key], message: `${t.name} has no field \`${e.key}\` in Kubernetes ${kube.release}: istioctl writes it into \`${where}\` as it is, and the API server drops or refuses it.${hint ? ` Did you mean \`${hint}\`?` : ''}` });
      continue;
    }
    out.push(...valueProblems(doc, kube, field, e.value, `${where}.${e.key}`, reportAt, depth + 1, [...at, e.key]));
  }
  return out;
}
