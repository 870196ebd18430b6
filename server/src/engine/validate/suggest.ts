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
    // A long shared prefix counts too: `replicas` → `replicaCount`.
    const score = d <= limit ? d : commonPrefix(lower, cl) >= Math.max(5, Math.ceil(word.length * 0.75)) ? limit + 1 : Infinity;
    if (score < bestScore) { best = c; bestScore = score; }
  }
  return best;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
