// Text helpers for the fixes that rewrite or move YAML as text (rewrite.ts, moves.ts): offsets of a
// pair's lines, and re-indenting a block by whole columns so its comments and quoting stay as written.
import type { Node, Pair } from 'yaml';

export interface OffsetEdit { start: number; end: number; newText: string }

export const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
export const column = (text: string, offset: number) => offset - lineStart(text, offset);
export const keyStart = (pair: Pair) => (pair.key as Node).range![0];

/** Where a pair's text ends: its value's end (not the trailing comment or line break). */
export function pairEnd(text: string, pair: Pair): number {
  const value = pair.value as Node | null;
  let end = value?.range ? value.range[1] : (pair.key as Node).range![1];
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

/** Past the line break that ends the line holding `end` (removing a pair removes its whole line). */
export function removalEnd(text: string, end: number): number {
  const nl = text.indexOf('\n', end);
  return nl < 0 ? text.length : nl + 1;
}

/** The whole lines a pair takes: from its line's start to past its last line's break. */
export function pairLines(text: string, pair: Pair): [number, number] {
  return [lineStart(text, keyStart(pair)), removalEnd(text, pairEnd(text, pair))];
}

/**
 * Each line from line `from` on moved right (`by` > 0) or left by that many spaces (never past its
 * text); blank lines are left as written.
 */
export function reindent(s: string, by: number, from = 0): string {
  return s.split('\n').map((line, i) => {
    if (i < from || !line.trim()) return line;
    if (by >= 0) return ' '.repeat(by) + line;
    return line.slice(Math.min(/^ */.exec(line)![0].length, -by));
  }).join('\n');
}

/** One edit covering what differs between two texts. */
export function changedSpan(before: string, after: string): OffsetEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) { endB--; endA--; }
  return { start, end: endB, newText: after.slice(start, endA) };
}
