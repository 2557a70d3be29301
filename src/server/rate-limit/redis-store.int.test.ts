// Against the real Redis (REDIS_URL, default redis://127.0.0.1:6379) and an unreachable port on 127.0.0.1.
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createRateLimiter } from "./limiter";
import { limitPoliciesFrom } from "./limits";
import { createMemoryStore } from "./memory-store";
import { createRedisStore } from "./redis-store";
import type { RateLimitStore } from "./store";

const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const opened: RateLimitStore[] = [];
const redisStore = (url = redisUrl, timeoutMs = 1_000) => {
  const store = createRedisStore({ url, prefix: `whago:test:${randomUUID()}`, timeoutMs });
  opened.push(store);
  return store;
};
afterAll(() => Promise.all(opened.map((s) => s.close())));

/** A loopback port nobody listens on: bind one, then release it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("Redis store (real Redis 7.0 through the Lua adapter)", () => {
  it("allows exactly `tokens` hits per window and keeps keys apart", async () => {
    const store = redisStore();
    const rate = { tokens: 5, windowMs: 3_600_000 };
    const allowed = [];
    for (let i = 0; i < 7; i++) allowed.push((await store.hit({ limitName: "t", key: "a", rate })).allowed);
    expect(allowed).toEqual([true, true, true, true, true, false, false]);
    expect((await store.hit({ limitName: "t", key: "b", rate })).allowed).toBe(true);
    expect((await store.hit({ limitName: "u", key: "a", rate })).allowed).toBe(true);
  });

  it("recovers once the window has passed", async () => {
    const store = redisStore();
    const rate = { tokens: 2, windowMs: 1_000 };
    let refused;
    // A window boundary may fall inside the loop; it stops at the first refusal either way.
    for (let i = 0; i < 10 && !refused; i++) {
      const hit = await store.hit({ limitName: "t", key: "a", rate });
      if (!hit.allowed) refused = hit;
    }
    expect(refused).toBeDefined();
    await new Promise((r) => setTimeout(r, Math.max(0, refused!.resetAt - Date.now()) + 50));
    expect((await store.hit({ limitName: "t", key: "a", rate })).allowed).toBe(true);
  });
});

describe("every named limit with Redis unreachable", () => {
  it("follows its documented store-down policy", async () => {
    const policies = limitPoliciesFrom({
      RATE_LIMIT_LOGIN_PER_IP: "2/1h",
      RATE_LIMIT_LOGIN_PER_EMAIL: "2/1h",
      RATE_LIMIT_SIGNUP_PER_IP: "2/1h",
      RATE_LIMIT_API_PER_KEY: "2/1h",
      RATE_LIMIT_CHIP_CREATE_PER_USER: "2/1h",
      RATE_LIMIT_QR_READ_PER_CHIP: "2/1h",
      RATE_LIMIT_MESSAGE_SEND_PER_CHIP: "2/1h",
    });
    const warnings: string[] = [];
    const limiter = createRateLimiter({
      store: redisStore(`redis://127.0.0.1:${await closedPort()}`, 300),
      fallback: createMemoryStore(),
      policies,
      warn: (m) => warnings.push(m),
    });
    const expected = {
      loginPerIp: [true, true, false],
      loginPerEmail: [true, true, false],
      signUpPerIp: [false, false, false],
      apiPerKey: [true, true, true],
      chipCreatePerUser: [false, false, false],
      qrReadPerChip: [true, true, true],
      messageSendPerChip: [true, true, false],
    };
    for (const name of Object.keys(policies) as (keyof typeof policies)[]) {
      const allowed = [];
      for (let i = 0; i < 3; i++) {
        const decision = await limiter.check(name, "caller");
        expect(decision.storeDown).toBe(policies[name].whenStoreDown);
        allowed.push(decision.allowed);
      }
      expect(allowed, name).toEqual(expected[name]);
    }
    expect(warnings).toHaveLength(Object.keys(policies).length);
  });
});
