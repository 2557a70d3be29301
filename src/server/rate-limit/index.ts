// The process-wide rate limiter, built once from settings. Limits themselves are named in ./limits.ts.
import { env } from "~/env";
import { limitPoliciesFrom, type LimitName, type LimitPolicies } from "./limits";
import { createRateLimiter, type LimitDecision, type RateLimiter } from "./limiter";
import { createMemoryStore } from "./memory-store";
import { createRedisStore, createUpstashStore } from "./redis-store";
import type { RateLimitStore } from "./store";

export type { LimitDecision } from "./limiter";
export type { LimitName } from "./limits";

export const limitPolicies: LimitPolicies = limitPoliciesFrom(env);

const KEY_PREFIX = "whago:rl";

function storeFromSettings(): RateLimitStore {
  const timeoutMs = env.RATE_LIMIT_TIMEOUT_MS;
  switch (env.RATE_LIMIT_BACKEND) {
    case "memory":
      return createMemoryStore();
    case "redis":
      if (!env.REDIS_URL) throw new Error("RATE_LIMIT_BACKEND=redis needs REDIS_URL (e.g. redis://127.0.0.1:6379)");
      return createRedisStore({ url: env.REDIS_URL, prefix: KEY_PREFIX, timeoutMs });
    case "upstash":
      if (!env.UPSTASH_REDIS_REST_URL || !env.UPSTASH_REDIS_REST_TOKEN) {
        throw new Error("RATE_LIMIT_BACKEND=upstash needs UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN");
      }
      return createUpstashStore({
        url: env.UPSTASH_REDIS_REST_URL,
        token: env.UPSTASH_REDIS_REST_TOKEN,
        prefix: KEY_PREFIX,
        timeoutMs,
      });
  }
}

const cache = globalThis as unknown as { whagoRateLimiter?: RateLimiter<LimitName> };

export function getRateLimiter(): RateLimiter<LimitName> {
  cache.whagoRateLimiter ??= createRateLimiter({
    store: storeFromSettings(),
    fallback: createMemoryStore(),
    policies: limitPolicies,
  });
  return cache.whagoRateLimiter;
}

/** Counts one request against `name` for `identifier`; throws AppError RATE_LIMITED when over the limit. */
export function enforceRateLimit(name: LimitName, identifier: string): Promise<LimitDecision> {
  return getRateLimiter().enforce(name, identifier);
}
