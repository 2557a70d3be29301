// Runtimes report CPU as cumulative seconds; a percentage needs two readings of the same instance some time apart.

export type CpuSample = { cpuSeconds: number; atMs: number };

/** Percent of one core used between two readings (may exceed 100 on several cores, as `docker stats` shows it). */
export function cpuPercentBetween(previous: CpuSample, next: CpuSample): number | null {
  const elapsedSeconds = (next.atMs - previous.atMs) / 1_000;
  const usedSeconds = next.cpuSeconds - previous.cpuSeconds;
  // A drop in cumulative CPU means the instance restarted in between: there is no meaningful rate.
  if (elapsedSeconds <= 0 || usedSeconds < 0) return null;
  return (usedSeconds / elapsedSeconds) * 100;
}

export type CpuMeter = {
  /** Stores the reading and returns the rate since the previous one, or null without a recent previous one. */
  record(key: string, sample: CpuSample): number | null;
  /** Drops readings of instances no longer seen, so the meter does not grow with removed users. */
  retainOnly(keys: Iterable<string>): void;
};

export function createCpuMeter({ maxAgeMs }: { maxAgeMs: number }): CpuMeter {
  const last = new Map<string, CpuSample>();
  return {
    record(key, sample) {
      const previous = last.get(key);
      last.set(key, sample);
      if (!previous || sample.atMs - previous.atMs > maxAgeMs) return null;
      return cpuPercentBetween(previous, sample);
    },
    retainOnly(keys) {
      const keep = new Set(keys);
      for (const key of last.keys()) if (!keep.has(key)) last.delete(key);
    },
  };
}
