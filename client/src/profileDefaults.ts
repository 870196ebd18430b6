// A profile's defaults rebuilt from the bundled schema (schemas/istio-1.X.json), for releases whose
// istioctl has no `profile dump` (1.24+) or when there is no istioctl. Each leaf property carries
// `x-istio-defaults` = {profile: value}: a profile not listed takes the `default` profile's value,
// `null` means unset (docs/schema-format.md). Merging a file over it follows 1.24+: maps merge,
// lists and scalars replace. No vscode import.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { isObject } from './iopFile.ts';

type Json = unknown;
type Node = Record<string, Json>;

export interface BundledIndex {
  versions: { version: string; tag: string; profiles: string[]; file: string }[];
}

export function readIndex(schemasDir: string): BundledIndex {
  return JSON.parse(fs.readFileSync(path.join(schemasDir, 'index.json'), 'utf8')) as BundledIndex;
}

/** The bundled minor to use for `minor`: itself, else the nearest bundled one. */
export function bundledVersion(index: BundledIndex, minor: number): BundledIndex['versions'][number] {
  const n = (v: string) => Number(v.split('.')[1]);
  return index.versions.reduce((best, v) => (Math.abs(n(v.version) - minor) < Math.abs(n(best.version) - minor) ? v : best));
}

/** The profile as istioctl would dump it (apiVersion, kind, metadata.namespace, spec.*), as data. */
export function profileDefaults(schema: Node, profile: string): Record<string, unknown> {
  const definitions = (isObject(schema.definitions) ? schema.definitions : {}) as Record<string, Node>;
  const out: Record<string, unknown> = {};
  // Only subtrees that hold defaults are walked: the Kubernetes types under every component would
  // otherwise be expanded again at each place they are used.
  const memo = new Map<string, boolean>();
  const holdsDefaults = (node: Json, stack: ReadonlySet<string>): boolean => {
    if (!isObject(node)) return false;
    if (node['x-istio-defaults'] !== undefined) return true;
    const name = refName(node.$ref);
    if (name !== undefined) {
      if (stack.has(name)) return false;
      let known = memo.get(name);
      if (known === undefined) {
        known = holdsDefaults(definitions[name], new Set([...stack, name]));
        memo.set(name, known);
      }
      if (known) return true;
    }
    const props = isObject(node.properties) ? Object.values(node.properties) : [];
    const subs = (['allOf', 'anyOf', 'oneOf'] as const).flatMap((k) => (Array.isArray(node[k]) ? (node[k] as Json[]) : []));
    return [...props, ...subs].some((c) => holdsDefaults(c, stack));
  };
  const visit = (node: Json, at: string[], seen: ReadonlySet<string>) => {
    if (!isObject(node) || !holdsDefaults(node, seen)) return;
    const defaults = node['x-istio-defaults'];
    if (isObject(defaults)) {
      const value = profile in defaults ? defaults[profile] : defaults.default;
      if (value !== undefined && value !== null) setPath(out, at, structuredClone(value));
    }
    const name = refName(node.$ref);
    if (name !== undefined && !seen.has(name)) visit(definitions[name], at, new Set([...seen, name]));
    if (isObject(node.properties)) {
      for (const [key, child] of Object.entries(node.properties)) {
        // Aliases (proto field names) repeat their JSON name's data.
        if (isObject(child) && child['x-istio-alias-of']) continue;
        visit(child, [...at, key], seen);
      }
    }
    for (const k of ['allOf', 'anyOf', 'oneOf'] as const) {
      const list = node[k];
      if (Array.isArray(list)) for (const sub of list) visit(sub, at, seen);
    }
  };
  visit(schema, [], new Set());
  const spec = isObject(out.spec) ? out.spec : (out.spec = {});
  (spec as Record<string, unknown>).profile = profile;
  return out;
}

function refName(ref: Json): string | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#/definitions/')) return undefined;
  return ref.slice('#/definitions/'.length).replace(/~1/g, '/').replace(/~0/g, '~');
}

function setPath(target: Record<string, unknown>, at: string[], value: unknown): void {
  if (!at.length) return;
  let node = target;
  for (const key of at.slice(0, -1)) {
    if (!isObject(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[at[at.length - 1]] = value;
}

/** `overlay` over `base`: maps merge key by key; lists, scalars and null replace. */
export function mergeOver(base: unknown, overlay: unknown): unknown {
  if (!isObject(base) || !isObject(overlay)) return structuredClone(overlay);
  const out: Record<string, unknown> = structuredClone(base);
  for (const [k, v] of Object.entries(overlay)) out[k] = k in out ? mergeOver(out[k], v) : structuredClone(v);
  return out;
}

/** YAML with keys sorted at every level, as istioctl prints its dumps, so both sides line up. */
export function toSortedYaml(data: unknown): string {
  return YAML.stringify(sortKeys(data), { lineWidth: 0, indentSeq: false });
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!isObject(v)) return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
}

/** Loads the bundled schema of a minor. */
export function readSchema(schemasDir: string, file: string): Node {
  return JSON.parse(fs.readFileSync(path.join(schemasDir, path.basename(file)), 'utf8')) as Node;
}
