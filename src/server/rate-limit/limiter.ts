import { createHash } from "node:crypto";
import { AppError } from "~/server/errors";
import { STORE_DOWN_RETRY_AFTER_SECONDS, type LimitPolicy, type StoreDownPolicy } from "./limits";
import { RateLimitStoreUnavailableError, type HitResult, type RateLimitStore } from "./store";

export type LimitDecision = HitResult & {
  retryAfterSeconds: number;
  /** Set when the store could not answer and the limit's policy decided instead. */
  storeDown?: StoreDownPolicy;
};

export type RateLimiterOptions<Name extends string> = {
  store: RateLimitStore;
  /** Counts for limits whose policy is "local" while the store is down. */
  fallback: RateLimitStore;
  policies: Record<Name, LimitPolicy>;
  warn?: (message: string) => void;
  now?: () => number;
};

export type RateLimiter<Name extends string> = {
  /** Counts one request; never throws for being over the limit. */
  check(name: Name, identifier: string): Promise<LimitDecision>;
  /** Counts one request and throws AppError RATE_LIMITED (message "rate_limited") when it is over the limit. */
  enforce(name: Name, identifier: string): Promise<LimitDecision>;
  close(): Promise<void>;
};

// Emails, IPs and ids never reach Redis in clear text.
const hashIdentifier = (identifier: string) => createHash("sha256").update(identifier).digest("base64url").slice(0, 32);

export function createRateLimiter<Name extends string>(options: RateLimiterOptions<Name>): RateLimiter<Name> {
  const { store, fallback, policies, warn = console.warn, now = Date.now } = options;
  const lastWarnedAt = new Map<string, number>();

  function warnThrottled(name: string, message: string) {
    const at = now();
    if (at - (lastWarnedAt.get(name) ?? -Infinity) < 60_000) return;
    lastWarnedAt.set(name, at);
    warn(message);
  }

  const decision = (hit: HitResult, storeDown?: StoreDownPolicy): LimitDecision => ({
    ...hit,
    retryAfterSeconds: Math.max(1, Math.ceil((hit.resetAt - now()) / 1000)),
    storeDown,
  });

  async function check(name: Name, identifier: string): Promise<LimitDecision> {
    const policy = policies[name];
    const request = { limitName: name, key: hashIdentifier(identifier), rate: policy.rate };
    try {
      return decision(await store.hit(request));
    } catch (err) {
      if (!(err instanceof RateLimitStoreUnavailableError)) throw err;
      warnThrottled(name, `[rate-limit] ${store.kind} store unavailable; limit "${name}" fails ${policy.whenStoreDown}`);
      const at = now();
      const { tokens } = policy.rate;
      if (policy.whenStoreDown === "local") return decision(await fallback.hit(request), "local");
      if (policy.whenStoreDown === "open") {
        return decision({ allowed: true, limit: tokens, remaining: tokens, resetAt: at + policy.rate.windowMs }, "open");
      }
      const resetAt = at + STORE_DOWN_RETRY_AFTER_SECONDS * 1000;
      return decision({ allowed: false, limit: tokens, remaining: 0, resetAt }, "closed");
    }
  }

  return {
    check,
    async enforce(name, identifier) {
      const result = await check(name, identifier);
      if (!result.allowed) {
        throw new AppError("RATE_LIMITED", "rate_limited", { retryAfterSeconds: result.retryAfterSeconds });
      }
      return result;
    },
    async close() {
      await Promise.all([store.close(), fallback.close()]);
    },
  };
}
