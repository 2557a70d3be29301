import type { Rate } from "./rate-spec";
import type { HitResult, RateLimitStore } from "./store";

type Counter = { bucket: number; count: number; expiresAt: number };

// Sweeping only past this size keeps hits O(1) while bounding memory under key churn (many IPs).
const SWEEP_THRESHOLD = 10_000;

/**
 * Fixed windows aligned to the epoch, the same algorithm as @upstash/ratelimit's fixedWindow, kept in this process.
 * It is the zero-setup default and the fallback for limits whose policy is "local": counts are per process and
 * vanish on restart, which is why production should use Redis or Upstash.
 */
export function createMemoryStore(now: () => number = Date.now): RateLimitStore {
  const counters = new Map<string, Counter>();

  function sweep(at: number) {
    for (const [key, counter] of counters) if (counter.expiresAt <= at) counters.delete(key);
  }

  return {
    kind: "memory",
    async hit({ limitName, key, rate }: { limitName: string; key: string; rate: Rate }): Promise<HitResult> {
      const at = now();
      if (counters.size > SWEEP_THRESHOLD) sweep(at);
      const bucket = Math.floor(at / rate.windowMs);
      const resetAt = (bucket + 1) * rate.windowMs;
      const id = `${limitName}:${key}`;
      const existing = counters.get(id);
      const counter = existing && existing.bucket === bucket ? existing : { bucket, count: 0, expiresAt: resetAt };
      counters.set(id, counter);
      if (counter.count >= rate.tokens) return { allowed: false, limit: rate.tokens, remaining: 0, resetAt };
      counter.count += 1;
      return { allowed: true, limit: rate.tokens, remaining: rate.tokens - counter.count, resetAt };
    },
    async close() {
      counters.clear();
    },
  };
}
