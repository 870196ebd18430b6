// The --set path grammar, as istioctl reads it and as we write it. istioctl splits a path the same
// way in every release (operator/pkg/util/path.go@1.5.10:52-72 PathFromString, unchanged to
// path.go@1.23.6:46-66; operator/pkg/values/map.go@1.24.6:452-471 splitPath, the same code):
// filepath.Clean, one leading and one trailing `.` trimmed, split on `.` not preceded by `\`,
// `\.` → `.`, and `key[expr]` → `key`, `[expr]`. Empty elements are dropped.
import type { Step } from '../parse/yamlNodes.ts';
import { goCleanPath } from './goStrconv.ts';

/** istioctl's path elements for a raw path: keys, and bracketed selectors kept as written (`[0]`, `[name:x]`). */
export function splitSetPath(path: string): string[] {
  let p = goCleanPath(path);
  if (p.startsWith('.')) p = p.slice(1);
  if (p.endsWith('.')) p = p.slice(0, -1);
  const out: string[] = [];
  for (let part of splitEscaped(p, '.')) {
    if (part === '') continue;
    part = part.replaceAll('\\.', '.');
    const bracket = part.indexOf('[');
    if (bracket > 0) out.push(part.slice(0, bracket), part.slice(bracket));
    else out.push(part);
  }
  return out;
}

/** Go's splitEscaped (path.go@1.20.8:187-205): a separator right after a `\` does not split. */
export function splitEscaped(s: string, sep: string): string[] {
  if (!s.length) return [];
  const out: string[] = [];
  let from = 0;
  let prev = '';
  let i = 0;
  for (const c of s) {
    if (c === sep && prev !== '\\') {
      out.push(s.slice(from, i));
      from = i + c.length;
    }
    prev = c;
    i += c.length;
  }
  out.push(s.slice(from));
  return out;
}

/** `[N]`: istioctl's index element (the range each era accepts is in the era table). */
export function indexOf(element: string): number | undefined {
  const m = /^\[([+-]?\d+)\]$/.exec(element);
  return m ? Number(m[1]) : undefined;
}

/** `[key:value]` as values/map.go@1.24.6:500-506 extractKV reads it (the first `:` splits). */
export function selectorOf(element: string): { key: string; value: string } | undefined {
  if (!element.startsWith('[') || !element.endsWith(']')) return undefined;
  const inner = element.slice(1, -1);
  const at = inner.indexOf(':');
  return at < 0 ? undefined : { key: inner.slice(0, at), value: inner.slice(at + 1) };
}

export const isBracketed = (element: string) => element.startsWith('[') && element.endsWith(']');

/** The path we write for document steps below `spec`: `a.b\.c[0].d` (a list index joins its key). */
export function formatSetPath(steps: readonly Step[]): string {
  let out = '';
  for (const s of steps) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += (out ? '.' : '') + s.replaceAll('.', '\\.');
  }
  return out;
}

/** The elements istioctl must read back from formatSetPath(steps) for the flag to mean those steps. */
export const expectedElements = (steps: readonly Step[]) => steps.map((s) => (typeof s === 'number' ? `[${s}]` : s));

/**
 * A path as people type it for a subtree (`components.ingressGateways[0]`, `spec.values`) →
 * document steps below the root (`['spec', 'components', 'ingressGateways', 0]`).
 */
export function parseConfigPath(path: string): Step[] | { message: string } {
  const elements = splitSetPath(path.trim());
  const steps: Step[] = [];
  for (const e of elements) {
    const n = indexOf(e);
    if (n !== undefined && n >= 0) steps.push(n);
    else if (isBracketed(e)) return { message: `\`${e}\` in \`${path}\` is not a list index: name entries by position, as [0].` };
    else steps.push(e);
  }
  return steps[0] === 'spec' ? steps : ['spec', ...steps];
}
