// What the schema says about one field of a document: its type in words, the Istio minors that have
// it, and its default in each built-in profile. Read from the shared schema; never copied or changed.
import type { IstioSchema, SchemaNode } from '../schema/schemaStore.ts';
import type { Step } from '../parse/yamlNodes.ts';
import type { Locale } from '../l10n/locale.ts';
import { t, type MessageKey } from '../l10n/messages.ts';

/** The resolved schema nodes from the root down to `path`, one per step (root first); undefined when the path leaves the schema. */
export function schemaChain(schema: IstioSchema, path: readonly Step[]): SchemaNode[] | undefined {
  const chain: SchemaNode[] = [schema.root];
  let node: SchemaNode | undefined = schema.root;
  for (const step of path) {
    node = schema.child(node, step);
    if (!node) return undefined;
    chain.push(node);
  }
  return chain;
}

/** JSON types of a node, `null` left out ("unset" is always allowed). */
export function typesOf(node: SchemaNode): string[] {
  const t = node.type;
  const list: string[] = t === undefined ? [] : Array.isArray(t) ? t : [t];
  return list.filter((x) => x !== 'null');
}

/** How a value is written: a map (declared fields or free-form), a list, or a scalar. */
export function shapeOf(node: SchemaNode): 'object' | 'array' | 'scalar' {
  const types = typesOf(node);
  if (node.properties && (types.length === 0 || (types.length === 1 && types[0] === 'object'))) return 'object';
  if (types.length === 1 && types[0] === 'object') return 'object';
  if (types.length === 1 && types[0] === 'array') return 'array';
  return 'scalar';
}

const NUMERIC_SCALARS = new Set(['int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64', 'fixed32', 'fixed64', 'sfixed32', 'sfixed64', 'double', 'float']);

/** The type in words: `integer (int32)`, `list of object (…Toleration)`, `enum (…AccessLogEncoding)`. */
export function typeLabel(schema: IstioSchema, node: SchemaNode, depth = 0, locale: Locale = 'en'): string {
  const xt = node['x-istio-type'] as string | undefined;
  const scalar = node['x-istio-scalar'] as string | undefined;
  let types = typesOf(node);
  if (Array.isArray(node.enum)) return xt ? `${t(locale, 'type.enum')} (${xt})` : t(locale, 'type.enum');
  if (scalar && NUMERIC_SCALARS.has(scalar)) types = types.filter((t) => t !== 'string');
  let base: string;
  if (types.length === 1 && types[0] === 'array') {
    base = depth < 3 && node.items ? t(locale, 'type.listOf', { type: typeLabel(schema, schema.resolve(node.items), depth + 1, locale) }) : t(locale, 'type.list');
    return base;
  }
  if (types.length === 1 && types[0] === 'object' && !node.properties && node.additionalProperties && typeof node.additionalProperties === 'object') {
    base = depth < 3 ? t(locale, 'type.mapOf', { type: typeLabel(schema, schema.resolve(node.additionalProperties), depth + 1, locale) }) : t(locale, 'type.map');
  } else if (types.length === 1 && types[0] === 'object' && !node.properties) base = t(locale, 'type.freeForm');
  else base = types.length ? types.map((x) => typeName(x, locale)).reduce((a, b) => t(locale, 'type.or', { a, b })) : t(locale, 'type.any');
  if (scalar) return `${base} (${scalar})`;
  return xt ? `${base} (${xt})` : base;
}

const TYPE_NAMES: Record<string, MessageKey> = { string: 'type.string', integer: 'type.integer', number: 'type.number', boolean: 'type.boolean', object: 'type.object', array: 'type.array' };

/** A JSON type's name in the reader's language. */
const typeName = (type: string, locale: Locale) => (TYPE_NAMES[type] ? t(locale, TYPE_NAMES[type]) : type);

/** The minors that have the path: the innermost `x-istio-versions` on the way down, else every bundled one. */
export function versionsOf(chain: SchemaNode[], allMinors: readonly string[]): string {
  for (let i = chain.length - 1; i >= 0; i--) {
    const v = chain[i]['x-istio-versions'];
    if (typeof v === 'string') return v;
  }
  return allMinors.length ? `${allMinors[0]}-${allMinors[allMinors.length - 1]}` : '';
}

/** A value in one profile; `value === null` means the profile leaves it unset. */
export interface ProfileValue { profile: string; value: unknown }

export interface FieldDefaults {
  /** The document's profile and its value. */
  mine: ProfileValue;
  /** The built-in profiles whose value differs from the document profile's. */
  others: ProfileValue[];
}

/**
 * The field's default in each built-in profile (`x-istio-defaults`: a profile not listed has the
 * `default` profile's value, unset when that is absent too). A field below a leaf that carries the
 * defaults (a gateway inside `ingressGateways`, `cpu` inside `resources.requests`) reads its part of
 * that leaf's value; list items are matched by `name` as istioctl merges gateways.
 * `itemName(itemPath)` gives the document's `name` of the list item at that path.
 */
export function defaultsOf(
  chain: SchemaNode[], path: readonly Step[], profiles: readonly string[], profile: string,
  itemName: (itemPath: readonly Step[]) => string | undefined,
): FieldDefaults | undefined {
  let at = -1;
  for (let i = chain.length - 1; i >= 0; i--) if (chain[i]['x-istio-defaults'] && typeof chain[i]['x-istio-defaults'] === 'object') { at = i; break; }
  if (at < 0) return undefined;
  const table = chain[at]['x-istio-defaults'] as Record<string, unknown>;
  const start = (p: string): unknown => (Object.prototype.hasOwnProperty.call(table, p) ? table[p] : Object.prototype.hasOwnProperty.call(table, 'default') ? table.default : null);
  return compare(profiles, profile, (p) => descend(start(p), path, at, itemName));
}

/**
 * The same facts read from whole `istioctl profile dump` documents (the user's own istioctl),
 * instead of the bundled table.
 */
export function defaultsFromDumps(
  dumps: Record<string, unknown>, path: readonly Step[], profile: string,
  itemName: (itemPath: readonly Step[]) => string | undefined,
): FieldDefaults | undefined {
  if (!Object.prototype.hasOwnProperty.call(dumps, profile)) return undefined;
  return compare(Object.keys(dumps), profile, (p) => descend(dumps[p], path, 0, itemName));
}

function compare(profiles: readonly string[], profile: string, valueIn: (p: string) => unknown): FieldDefaults {
  const mine = { profile, value: valueIn(profile) };
  const key = JSON.stringify(mine.value);
  const others = profiles.filter((p) => p !== profile).map((p) => ({ profile: p, value: valueIn(p) })).filter((o) => JSON.stringify(o.value) !== key);
  return { mine, others };
}

/** Walks a default value from path[at] down to the field; list items are matched by `name`. */
function descend(value: unknown, path: readonly Step[], at: number, itemName: (itemPath: readonly Step[]) => string | undefined): unknown {
  let v = value;
  for (let s = at; s < path.length && v !== null && v !== undefined; s++) {
    const step = path[s];
    if (typeof step === 'number') {
      if (!Array.isArray(v)) return null;
      const name = itemName(path.slice(0, s + 1));
      const named = v.some((x) => x && typeof x === 'object' && 'name' in x);
      v = named ? (name === undefined ? null : v.find((x) => x && typeof x === 'object' && (x as { name?: unknown }).name === name)) : v[step];
    } else {
      v = v && typeof v === 'object' && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, step) ? (v as Record<string, unknown>)[step] : null;
    }
  }
  return v === undefined ? null : v;
}
