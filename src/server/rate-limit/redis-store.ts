import { Redis as IoRedis } from "ioredis";
import { Redis as UpstashRedis } from "@upstash/redis";
import { createRatelimitStore } from "./ratelimit-store";
import { createLuaCompatibleRedis } from "./redis-lua-adapter";
import type { RateLimitStore } from "./store";

export type RedisStoreOptions = { url: string; prefix: string; timeoutMs: number };

/** A self-hosted Redis (7.0 works) through ioredis. */
export function createRedisStore({ url, prefix, timeoutMs }: RedisStoreOptions): RateLimitStore {
  const client = new IoRedis(url, {
    // Fail fast while Redis is down so the per-limit policy decides, instead of queueing requests for minutes.
    maxRetriesPerRequest: 1,
    connectTimeout: Math.max(timeoutMs, 500),
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    lazyConnect: false,
  });
  // ioredis emits connection errors as events; without a listener Node prints them as unhandled.
  let lastLoggedAt = 0;
  client.on("error", (err: Error) => {
    if (Date.now() - lastLoggedAt < 60_000) return;
    lastLoggedAt = Date.now();
    console.warn(`[rate-limit] Redis connection error: ${err.message}`);
  });
  return createRatelimitStore({
    kind: "redis",
    redis: createLuaCompatibleRedis(client),
    prefix,
    timeoutMs,
    close: async () => void client.disconnect(),
  });
}

/** Upstash over its REST API (no connection to keep). */
export function createUpstashStore(options: { url: string; token: string; prefix: string; timeoutMs: number }) {
  return createRatelimitStore({
    kind: "upstash",
    redis: new UpstashRedis({ url: options.url, token: options.token, enableTelemetry: false }),
    prefix: options.prefix,
    timeoutMs: options.timeoutMs,
    close: async () => {},
  });
}
