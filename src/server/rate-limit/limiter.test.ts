import { describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { createRateLimiter } from "./limiter";
import { limitPoliciesFrom, STORE_DOWN_RETRY_AFTER_SECONDS, type LimitPolicy } from "./limits";
import { createMemoryStore } from "./memory-store";
import { RateLimitStoreUnavailableError, type RateLimitStore } from "./store";

const clock = () => 1_000_000;
const downStore: RateLimitStore = {
  kind: "redis",
  hit: async () => {
    throw new RateLimitStoreUnavailableError("redis");
  },
  close: async () => {},
};
const policy = (whenStoreDown: LimitPolicy["whenStoreDown"]): LimitPolicy => ({
  rate: { tokens: 2, windowMs: 60_000 },
  per: "test",
  whenStoreDown,
  why: "test",
});
const policies = { open: policy("open"), closed: policy("closed"), local: policy("local") };

function limiterWith(store: RateLimitStore) {
  const warnings: string[] = [];
  const limiter = createRateLimiter({
    store,
    fallback: createMemoryStore(clock),
    policies,
    warn: (m) => warnings.push(m),
    now: clock,
  });
  return { limiter, warnings };
}

describe("createRateLimiter", () => {
  it("throws RATE_LIMITED with the seconds until the window resets", async () => {
    const { limiter } = limiterWith(createMemoryStore(clock));
    await limiter.enforce("open", "a");
    await limiter.enforce("open", "a");
    const err = await limiter.enforce("open", "a").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    // The window is aligned to the epoch: 1_000_000 ms is 40 s into a 60 s window.
    expect(err).toMatchObject({ code: "RATE_LIMITED", message: "rate_limited", retryAfterSeconds: 20 });
  });

  it("never hands identifiers to the store in clear text", async () => {
    const keys: string[] = [];
    const spy: RateLimitStore = { ...createMemoryStore(clock), hit: async (r) => (keys.push(r.key), { allowed: true, limit: 2, remaining: 1, resetAt: 0 }) };
    await limiterWith(spy).limiter.check("open", "someone@example.com");
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain("someone");
  });

  describe("when the store is down", () => {
    it('"open" allows and logs once', async () => {
      const { limiter, warnings } = limiterWith(downStore);
      for (let i = 0; i < 5; i++) expect(await limiter.check("open", "a")).toMatchObject({ allowed: true, storeDown: "open" });
      expect(warnings).toEqual(['[rate-limit] redis store unavailable; limit "open" fails open']);
    });

    it('"closed" refuses with a Retry-After', async () => {
      const { limiter } = limiterWith(downStore);
      await expect(limiter.enforce("closed", "a")).rejects.toMatchObject({
        code: "RATE_LIMITED",
        retryAfterSeconds: STORE_DOWN_RETRY_AFTER_SECONDS,
      });
    });

    it('"local" keeps counting in this process', async () => {
      const { limiter } = limiterWith(downStore);
      const allowed = [];
      for (let i = 0; i < 3; i++) allowed.push((await limiter.check("local", "a")).allowed);
      expect(allowed).toEqual([true, true, false]);
      expect((await limiter.check("local", "b")).allowed).toBe(true);
    });

    it("passes other errors through rather than guessing", async () => {
      const broken = { ...downStore, hit: async () => Promise.reject(new TypeError("bug")) };
      await expect(limiterWith(broken).limiter.check("open", "a")).rejects.toThrow(TypeError);
    });
  });
});

describe("limitPoliciesFrom", () => {
  it("reads every limit from its setting and documents each store-down choice", () => {
    const policies = limitPoliciesFrom({
      RATE_LIMIT_LOGIN_PER_IP: "1/1s",
      RATE_LIMIT_LOGIN_PER_EMAIL: "2/1s",
      RATE_LIMIT_SIGNUP_PER_IP: "3/1s",
      RATE_LIMIT_API_PER_KEY: "4/1s",
      RATE_LIMIT_CHIP_CREATE_PER_USER: "5/1s",
      RATE_LIMIT_QR_READ_PER_CHIP: "6/1s",
      RATE_LIMIT_MESSAGE_SEND_PER_CHIP: "7/1s",
    });
    expect(Object.values(policies).map((p) => p.rate.tokens)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const p of Object.values(policies)) expect(p.why.length).toBeGreaterThan(10);
  });
});
