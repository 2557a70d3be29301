import type { Rate } from "./rate-spec";

/** One counted request against a limit, in @upstash/ratelimit's terms (resetAt is epoch ms). */
export type HitResult = { allowed: boolean; limit: number; remaining: number; resetAt: number };

export type RateLimitStoreKind = "memory" | "redis" | "upstash";

/** Where counters live. `hit` throws RateLimitStoreUnavailableError when the store cannot answer. */
export type RateLimitStore = {
  readonly kind: RateLimitStoreKind;
  hit(options: { limitName: string; key: string; rate: Rate }): Promise<HitResult>;
  close(): Promise<void>;
};

export class RateLimitStoreUnavailableError extends Error {
  constructor(kind: RateLimitStoreKind, cause?: unknown) {
    super(`rate-limit store (${kind}) unavailable`, { cause });
    this.name = "RateLimitStoreUnavailableError";
  }
}
