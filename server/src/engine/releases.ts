// The upper end of a release range that still holds at the newest release we support. A new Istio
// minor reaches such a range only through the import (npm run schemas), which first checks that
// the Istio sources the table was read from are unchanged since the release it was last reviewed
// for (scripts/schema/import/reviewedTables.ts); otherwise the import fails and names the table.
export const LATEST = Infinity;

/** A range of minors in words: "1.7–1.17", "1.5" or, when it holds at the newest release, "1.24+". */
export function releaseRange(from: number, to: number): string {
  if (to === LATEST) return `1.${from}+`;
  return from === to ? `1.${from}` : `1.${from}–1.${to}`;
}
