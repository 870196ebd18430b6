// The path of a `k8s.overlays` patch, split as istioctl splits it. The grammar is the same in every
// release from 1.5 (operator/pkg/util/path.go@1.5.10:51-197, @1.20.8, @1.24.6 — only the index
// limit differs, see overlayEras.ts):
// - `filepath.Clean`, then one leading and one trailing `.` dropped (PathFromString);
// - split at `.` not preceded by `\`; `\.` becomes `.`; empty elements dropped;
// - `node[expr]` (a bracket after the first character) becomes `node`, `[expr]`.
// Which element kinds are valid depends on the node they meet (a list, a map, a leaf): that is
// tpath.getPathContext's business, read in overlayChecks.ts.
import { goCleanPath } from '../flags/goStrconv.ts';

export interface PathElement {
  /** The element as istioctl sees it (`containers`, `[name:discovery]`, `[0]`). */
  text: string;
  /** Offsets in the path string, when Clean left it unchanged (otherwise undefined). */
  start?: number;
  end?: number;
}

/** Go's path/filepath.Clean on a Unix path (the flags read Go's functions too). */
export const goClean = goCleanPath;

/** util.splitEscaped: splits at `sep` unless the character before it is `\` (nothing is unescaped). */
export function splitEscaped(s: string, sep: string): Array<{ text: string; start: number }> {
  if (s === '') return [];
  const out: Array<{ text: string; start: number }> = [];
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === sep && (i === 0 || s[i - 1] !== '\\')) {
      out.push({ text: s.slice(from, i), start: from });
      from = i + 1;
    }
  }
  out.push({ text: s.slice(from), start: from });
  return out;
}

/** util.PathFromString: the elements of a patch path. */
export function parsePatchPath(path: string): PathElement[] {
  let p = goClean(path);
  // Offsets are kept when Clean changed nothing but a trailing `/`-free path: the common case.
  const exact = p === path || (p === '.' && path === '');
  let offset = 0;
  if (p.startsWith('.')) { p = p.slice(1); offset = 1; }
  if (p.endsWith('.')) p = p.slice(0, -1);
  const out: PathElement[] = [];
  for (const part of splitEscaped(p, '.')) {
    if (part.text === '') continue;
    const text = part.text.replace(/\\\./g, '.');
    const start = offset + part.start;
    const end = start + part.text.length;
    const bracket = text.indexOf('[');
    const at = (s: number, e: number): PathElement => (exact && text === part.text ? { text: text.slice(s, e), start: start + s, end: start + e } : { text: text.slice(s, e) });
    if (bracket > 0) out.push(at(0, bracket), at(bracket, text.length));
    else out.push(exact && text === part.text ? { text, start, end } : { text });
  }
  return out;
}

/** util.RemoveBrackets. */
export function removeBrackets(pe: string): string | undefined {
  return pe.startsWith('[') && pe.endsWith(']') ? pe.slice(1, -1) : undefined;
}

const VALID_KEY = /^[a-zA-Z0-9_-]*$/;

/** util.IsNPathElement: `[N]` with N ≥ -1 (strconv.Atoi: an optional sign and decimal digits), at most `maxIndex`. */
export function indexOf(pe: string, maxIndex?: number): number | undefined {
  const inner = removeBrackets(pe);
  if (inner === undefined || !/^[+-]?\d+$/.test(inner)) return undefined;
  const n = Number(inner);
  if (!Number.isSafeInteger(n) || n < -1 || (maxIndex !== undefined && n > maxIndex)) return undefined;
  return n;
}

/** util.PathKV: `[key:value]`, split at the one unescaped `:`, the key made of `[a-zA-Z0-9_-]`. */
export function keyValueOf(pe: string): { key: string; value: string } | undefined {
  const inner = removeBrackets(pe);
  if (inner === undefined) return undefined;
  const kv = splitEscaped(inner, ':');
  if (kv.length !== 2 || kv[0].text === '' || kv[1].text === '' || !VALID_KEY.test(kv[0].text)) return undefined;
  return { key: kv[0].text, value: kv[1].text };
}

/** util.PathV: the regular expression of a `[value]` element (`[:value]` too); undefined when it has none. */
export function valueOf(pe: string): string | undefined {
  const inner = removeBrackets(pe);
  if (inner === undefined || inner === '') return undefined;
  return inner.length > 1 && inner[0] === ':' ? inner.slice(1) : inner;
}

/**
 * Whether Go's regexp (RE2) compiles the pattern, as far as JavaScript can tell: RE2 has no
 * lookaround and no backreferences. matchesRegex treats a pattern that fails as matching nothing
 * (tpath/tree.go@1.20.8:510-518).
 */
export function re2Compiles(pattern: string): boolean {
  if (/\(\?<?[=!]|\\[1-9]|\\k</.test(pattern)) return false;
  try { new RegExp(pattern); return true; } catch { return false; }
}
