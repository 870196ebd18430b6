// "Did you mean …?" for misspelled keys and enum values.
import { distance } from 'fastest-levenshtein';

export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const cl = c.toLowerCase();
    if (cl === lower) return c; // only the case differs
    const d = distance(lower, cl);
    const limit = Math.max(2, Math.floor(Math.max(word.length, c.length) / 3));
    if (d <= limit && d < bestScore) { best = c; bestScore = d; }
  }
  return best;
}
