import { describe, expect, it } from "vitest";
import { z } from "zod";
import { backoffMs, createWahaRequester } from "./request";
import { connectionRefused, createFakeFetch } from "./testing/fake-fetch";
import { wahaFailure } from "./testing/waha-failure";

const apiKey = "secret-api-key-that-must-not-leak";
const schema = z.object({ ok: z.boolean() });

function requester(answers: Parameters<typeof createFakeFetch>[0], timeoutMs = 1_000) {
  const fake = createFakeFetch(answers);
  const request = createWahaRequester({
    baseUrl: "http://127.0.0.1:3999",
    apiKey,
    timeoutMs,
    retry: { attempts: 3, delayMs: 1 },
    fetch: fake.fetch,
  });
  return { request, calls: fake.calls };
}

describe("retries", () => {
  it("retries an idempotent call after 5xx and network errors", async () => {
    const { request, calls } = requester([{ status: 502 }, connectionRefused(), { status: 200, body: { ok: true } }]);
    await expect(request({ method: "GET", path: "/x", schema })).resolves.toEqual({ ok: true });
    expect(calls).toHaveLength(3);
  });

  it("gives up after the configured attempts", async () => {
    const { request, calls } = requester([{ status: 500 }, { status: 500 }, { status: 500 }, { status: 200, body: { ok: true } }]);
    const err = await wahaFailure(request({ method: "DELETE", path: "/x", schema }));
    expect(err.kind).toBe("unavailable");
    expect(calls).toHaveLength(3);
  });

  it("never repeats a POST unless it is marked idempotent", async () => {
    const post = requester([{ status: 503 }, { status: 200, body: { ok: true } }]);
    await expect(wahaFailure(post.request({ method: "POST", path: "/x", body: {}, schema }))).resolves.toMatchObject({ kind: "unavailable" });
    expect(post.calls).toHaveLength(1);

    const stop = requester([{ status: 503 }, { status: 201, body: { ok: true } }]);
    await expect(stop.request({ method: "POST", path: "/x/stop", idempotent: true, schema })).resolves.toEqual({ ok: true });
    expect(stop.calls).toHaveLength(2);
  });

  it("does not retry 4xx answers", async () => {
    const { request, calls } = requester([{ status: 404, body: { message: "Session not found" } }]);
    await expect(wahaFailure(request({ method: "GET", path: "/x", schema }))).resolves.toMatchObject({ kind: "not_found" });
    expect(calls).toHaveLength(1);
  });

  it("turns a timeout into a retried unavailable error", async () => {
    const { request, calls } = requester(["hang", "hang", "hang"], 20);
    const err = await wahaFailure(request({ method: "GET", path: "/slow", schema }));
    expect(err).toMatchObject({ kind: "unavailable", code: "UPSTREAM_UNAVAILABLE", message: "[WAHA] GET /slow: timed out after 20 ms" });
    expect(calls).toHaveLength(3);
  });

  it("doubles the delay up to the cap", () => {
    const retry = { attempts: 5, delayMs: 500, maxDelayMs: 1_500 };
    expect([1, 2, 3, 4].map((n) => backoffMs(retry, n))).toEqual([500, 1_000, 1_500, 1_500]);
  });
});

describe("network errors", () => {
  it("names the cause without the key", async () => {
    const { request } = requester([connectionRefused(), connectionRefused(), connectionRefused()]);
    const err = await wahaFailure(request({ method: "GET", path: "/api/sessions", schema }));
    expect(err.message).toBe("[WAHA] GET /api/sessions: network error (ECONNREFUSED)");
    expect(err.status).toBeUndefined();
  });
});
