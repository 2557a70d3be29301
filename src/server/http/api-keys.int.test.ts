// API keys and the per-key limit against the real PostgreSQL and Redis, through the real route handlers.
import { vi } from "vitest";

vi.hoisted(() => {
  process.env.RATE_LIMIT_BACKEND = "redis";
  process.env.REDIS_URL ??= "redis://127.0.0.1:6379";
  process.env.RATE_LIMIT_API_PER_KEY = "6/1h";
});

import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "~/server/api-keys";
import { db } from "~/server/db";
import { getRateLimiter } from "~/server/rate-limit";
import { callApi, insertChip, newUserWithKey } from "./testing/api-fixtures";

afterAll(() => getRateLimiter().close());

const errorBody = (code: string) => ({ error: { code, message: expect.any(String) } });

describe("API keys", () => {
  it("stores only the SHA-256 of the key, with its visible prefix", async () => {
    const { key, apiKeyId } = await newUserWithKey();
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: apiKeyId } });
    expect(row.keyHash).toBe(createHash("sha256").update(key).digest("hex"));
    expect(key.startsWith(`${row.prefix}_`)).toBe(true);
    expect(JSON.stringify(row)).not.toContain(key.slice(row.prefix.length + 1));
  });

  it("answers 401 without a key, with an unknown key and with a revoked key", async () => {
    const { userId, key, apiKeyId } = await newUserWithKey();
    expect(await callApi("GET", "/api/v1/chips")).toMatchObject({ status: 401, body: errorBody("UNAUTHORIZED") });
    const forged = `${key.slice(0, -4)}AAAA`;
    expect(await callApi("GET", "/api/v1/chips", { key: forged })).toMatchObject({ status: 401 });
    expect((await callApi("GET", "/api/v1/chips", { key })).status).toBe(200);

    await revokeApiKey({ userId, apiKeyId });
    expect(await callApi("GET", "/api/v1/chips", { key })).toMatchObject({ status: 401, body: errorBody("UNAUTHORIZED") });
  });

  it("acts as its user only: another user's chip is 404 on every chip route", async () => {
    const a = await newUserWithKey();
    const b = await newUserWithKey();
    const chipOfB = await insertChip(b.userId);
    const params = { id: chipOfB };
    for (const [method, path] of [
      ["GET", "/api/v1/chips/{id}"],
      ["GET", "/api/v1/chips/{id}/qr"],
      ["GET", "/api/v1/chips/{id}/messages"],
      ["DELETE", "/api/v1/chips/{id}"],
    ] as const) {
      expect(await callApi(method, path, { key: a.key, params }), `${method} ${path}`).toMatchObject({
        status: 404,
        body: errorBody("NOT_FOUND"),
      });
    }
    const listOfA = await callApi("GET", "/api/v1/chips", { key: a.key });
    expect(listOfA).toMatchObject({ status: 200, body: { chips: [] } });
    expect((await callApi("GET", "/api/v1/chips/{id}", { key: b.key, params })).status).toBe(200);
  });

  it("refuses what the key's scopes do not allow", async () => {
    const reader = await newUserWithKey(["read"]);
    const chipId = await insertChip(reader.userId);
    const send = await callApi("POST", "/api/v1/chips/{id}/messages", {
      key: reader.key,
      params: { id: chipId },
      body: { chatId: "5511999998888", text: "hi" },
    });
    expect(send).toMatchObject({ status: 403, body: errorBody("FORBIDDEN") });
    const remove = await callApi("DELETE", "/api/v1/chips/{id}", { key: reader.key, params: { id: chipId } });
    expect(remove.status).toBe(403);
    expect(await db.chip.count({ where: { id: chipId, status: "DELETED" } })).toBe(0);
  });

  it("records last use", async () => {
    const { key, apiKeyId } = await newUserWithKey();
    await callApi("GET", "/api/v1/chips", { key });
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: apiKeyId } });
    expect(row.lastUsedAt).not.toBeNull();
  });
});

describe("per-key limit (6 per hour from settings)", () => {
  it("refuses the 7th request with 429, Retry-After and X-RateLimit headers; other keys are unaffected", async () => {
    const { userId, key } = await newUserWithKey();
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await callApi("GET", "/api/v1/chips", { key })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);

    const refused = await callApi("GET", "/api/v1/chips", { key });
    expect(refused).toMatchObject({ status: 429, body: errorBody("RATE_LIMITED") });
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");

    const { key: secondKey } = await createApiKey({ userId, name: "second", scopes: ["read"] });
    const other = await callApi("GET", "/api/v1/chips", { key: secondKey });
    expect(other.status).toBe(200);
    expect(other.headers.get("x-ratelimit-limit")).toBe("6");
    expect(other.headers.get("x-ratelimit-remaining")).toBe("5");
  });
});
