/** Timing and memory helpers shared by every benchmark. */

export interface Latency {
  runs: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of sorted milliseconds. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(ms: number[]): Latency {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
  };
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

export function now(): number {
  return performance.now();
}

/**
 * Runs `fn` over the inputs round-robin until `runs` calls or `budgetMs` have passed (but at least `minRuns`),
 * after one untimed warm-up pass. Returns each call's milliseconds.
 */
export function timeRoundRobin<T>(
  inputs: T[],
  fn: (input: T) => unknown,
  opts: { runs: number; budgetMs: number; minRuns?: number; warmup?: boolean },
): number[] {
  if (opts.warmup !== false) for (const x of inputs) fn(x);
  const out: number[] = [];
  const start = now();
  const minRuns = Math.min(opts.minRuns ?? 20, opts.runs);
  for (let i = 0; i < opts.runs; i++) {
    if (i >= minRuns && now() - start > opts.budgetMs) break;
    const x = inputs[i % inputs.length]!;
    const t = now();
    fn(x);
    out.push(now() - t);
  }
  return out;
}

/** Peak resident set size of this process so far, in MB (getrusage: includes what was freed since). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function rssMb(): number {
  return process.memoryUsage().rss / 1048576;
}

export function mb(bytes: number): number {
  return bytes / 1048576;
}
