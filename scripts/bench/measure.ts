// Timing helpers: warm-up runs that are not counted, a cap on iterations and on wall time, and the
// median and 95th percentile of what was counted.
export interface Sample {
  /** Milliseconds per counted iteration, in run order. */
  ms: number[];
  median: number;
  p95: number;
  /** Whether the time budget ended the run before `iterations`. */
  cut: boolean;
}

export interface Plan {
  warmup: number;
  iterations: number;
  /** Stop counting after this much wall time (the first `minimum` iterations always run). */
  budgetMs: number;
  minimum?: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(ms: number[], cut = false): Sample {
  const sorted = [...ms].sort((a, b) => a - b);
  return { ms, median: percentile(sorted, 50), p95: percentile(sorted, 95), cut };
}

/** Runs `once(i)` (which returns the milliseconds it measured) warm-up + counted times. */
export async function measure(plan: Plan, once: (i: number) => Promise<number> | number): Promise<Sample> {
  let i = 0;
  for (; i < plan.warmup; i++) await once(i);
  const ms: number[] = [];
  const minimum = plan.minimum ?? 5;
  const start = performance.now();
  let cut = false;
  while (ms.length < plan.iterations) {
    if (ms.length >= minimum && performance.now() - start > plan.budgetMs) {
      cut = true;
      break;
    }
    ms.push(await once(i++));
  }
  return summarize(ms, cut);
}

/**
 * Like measure, for several things at once: iteration i runs every step once, in turn, so a
 * machine that gets busier or quieter during the run affects all of them alike. The order rotates
 * from one iteration to the next, so no step always runs right after the same other one (and
 * inherits, say, the garbage collection its answer causes in this process).
 */
export async function measureInterleaved(plan: Plan, steps: Array<(i: number) => Promise<number> | number>): Promise<Sample[]> {
  let i = 0;
  const inOrder = async (i: number, run: (k: number) => Promise<void>) => {
    for (let j = 0; j < steps.length; j++) await run((i + j) % steps.length);
  };
  for (; i < plan.warmup; i++) await inOrder(i, async (k) => { await steps[k](i); });
  const ms: number[][] = steps.map(() => []);
  const minimum = plan.minimum ?? 5;
  const start = performance.now();
  let cut = false;
  while (ms[0].length < plan.iterations) {
    if (ms[0].length >= minimum && performance.now() - start > plan.budgetMs) {
      cut = true;
      break;
    }
    await inOrder(i, async (k) => { ms[k].push(await steps[k](i)); });
    i++;
  }
  return ms.map((m) => summarize(m, cut));
}

/** Wall time of a synchronous call, in ms. */
export function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}
