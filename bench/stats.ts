// Summaries of timed runs, as the benches report them.

export type Stats = { median: number; p95: number; min: number; max: number; n: number };

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

export function summarize(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: sorted[0]!,
    max: sorted.at(-1)!,
    n: sorted.length,
  };
}

export const ms = (v: number) => `${v.toFixed(1)} ms`;
