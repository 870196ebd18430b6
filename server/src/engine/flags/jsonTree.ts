// The data --set flags build, and the few operations on it the flags code needs. Keys are set as
// own properties, so a file's `constructor` or `__proto__` key is a plain key.
import type { Step } from '../parse/yamlNodes.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
export const has = (o: JsonObject, k: string) => Object.hasOwn(o, k);
export const get = (o: JsonObject, k: string): Json | undefined => (Object.hasOwn(o, k) ? o[k] : undefined);

export function put(o: JsonObject, k: string, v: Json): void {
  // Only `__proto__` is an accessor on Object.prototype; every other key assigns as an own property.
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
  else o[k] = v;
}

export const clone = <T extends Json>(v: T): T => structuredClone(v);

/** The value at a path; undefined when any step is missing. */
export function at(root: Json | undefined, path: readonly Step[]): Json | undefined {
  let node: Json | undefined = root;
  for (const s of path) {
    if (typeof s === 'number') node = Array.isArray(node) ? node[s] : undefined;
    else node = isObject(node) ? get(node, s) : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** Equal as data (key order aside); NaN equals NaN. */
export function sameData(a: Json | undefined, b: Json | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || (Number.isNaN(a) && Number.isNaN(b));
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false;
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => has(b, k) && sameData(a[k], b[k]));
  }
  return a === b;
}

/** The first paths (below `base`) where two trees differ, one per differing branch. */
export function differences(a: Json | undefined, b: Json | undefined, base: Step[] = []): Step[][] {
  if (sameData(a, b)) return [];
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => differences(get(a, k), get(b, k), [...base, k]));
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const out: Step[][] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) out.push(...differences(a[i], b[i], [...base, i]));
    return out;
  }
  return [base];
}

/** Sets `path` in `root` (changed in place) to `value`, creating maps and list entries by index on the way; returns the root. */
export function setAt(root: Json | undefined, path: readonly Step[], value: Json): Json {
  if (!path.length) return value;
  const top: Json = root ?? (typeof path[0] === 'number' ? [] : {});
  let node: Json = top;
  for (let i = 0; i < path.length; i++) {
    const s = path[i];
    const last = i === path.length - 1;
    const fresh = (): Json => (typeof path[i + 1] === 'number' ? [] : {});
    if (typeof s === 'number' && Array.isArray(node)) {
      if (last) node[s] = value;
      else { if (node[s] === undefined || node[s] === null || typeof node[s] !== 'object') node[s] = fresh(); node = node[s]; }
    } else if (typeof s === 'string' && isObject(node)) {
      if (last) put(node, s, value);
      else { const child = get(node, s); if (child === undefined || child === null || typeof child !== 'object') put(node, s, fresh()); node = get(node, s)!; }
    } else {
      return top; // the path crosses a value of the other shape: nothing to set
    }
  }
  return top;
}

/** A copy of `root` without what lies at `path` (a list keeps only the entries before it). */
export function cutAt(root: Json, path: readonly Step[]): Json | undefined {
  if (!path.length) return undefined;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    if (!Array.isArray(root)) return root;
    const list = root.slice(0, head + (rest.length ? 1 : 0));
    if (rest.length && head < root.length) list[head] = cutAt(root[head], rest) ?? {};
    return list;
  }
  if (!isObject(root) || !has(root, head)) return root;
  const obj: JsonObject = {};
  for (const [k, v] of Object.entries(root)) {
    if (k !== head) put(obj, k, v);
    else if (rest.length) { const inner = cutAt(v, rest); if (inner !== undefined) put(obj, k, inner); }
  }
  return obj;
}
