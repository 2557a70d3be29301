import { Ratelimit } from "@upstash/ratelimit";
import type { Redis as UpstashRedis } from "@upstash/redis";
import type { Rate } from "./rate-spec";
import type { ScriptRunner } from "./redis-lua-adapter";
import { RateLimitStoreUnavailableError, type HitResult, type RateLimitStore } from "./store";

export type RatelimitStoreOptions = {
  kind: "redis" | "upstash";
  redis: ScriptRunner | UpstashRedis;
  /** Key prefix in Redis; tests pass their own so runs never share counters. */
  prefix: string;
  /** Past this, Ratelimit answers "timeout" and the limit's store-down policy applies. */
  timeoutMs: number;
  close: () => Promise<void>;
};

/** Counters in Redis or Upstash through @upstash/ratelimit's fixed window (its Retry-After is exact). */
export function createRatelimitStore(options: RatelimitStoreOptions): RateLimitStore {
  const limiters = new Map<string, Ratelimit>();

  function limiterFor(limitName: string, rate: Rate): Ratelimit {
    const id = `${limitName}:${rate.tokens}/${rate.windowMs}`;
    let limiter = limiters.get(id);
    if (!limiter) {
      limiter = new Ratelimit({
        redis: options.redis as UpstashRedis,
        limiter: Ratelimit.fixedWindow(rate.tokens, `${rate.windowMs} ms`),
        prefix: `${options.prefix}:${limitName}`,
        timeout: options.timeoutMs,
        analytics: false,
        // Protection downloads a deny list from Upstash; the in-process block cache would hide recovery from Redis.
        enableProtection: false,
        ephemeralCache: false,
      });
      limiters.set(id, limiter);
    }
    return limiter;
  }

  return {
    kind: options.kind,
    async hit({ limitName, key, rate }): Promise<HitResult> {
      let response;
      try {
        response = await limiterFor(limitName, rate).limit(key);
      } catch (err) {
        throw new RateLimitStoreUnavailableError(options.kind, err);
      }
      // Ratelimit reports a timeout as success; whago lets each limit decide instead.
      if (response.reason === "timeout") throw new RateLimitStoreUnavailableError(options.kind);
      return { allowed: response.success, limit: response.limit, remaining: response.remaining, resetAt: response.reset };
    },
    close: options.close,
  };
}
