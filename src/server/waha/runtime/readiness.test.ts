import { describe, expect, it } from "vitest";
import { waitForWahaReady } from "./readiness";

type Answer = number | "refused";

/** A fetch that answers from scripted queues per path, recording the API key it was sent. */
function scriptedFetch(script: Record<string, Answer[]>) {
  const keysSeen: (string | null)[] = [];
  const impl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    keysSeen.push(new Headers(init?.headers).get("X-Api-Key"));
    const queue = script[url.pathname] ?? [];
    const answer = queue.length > 1 ? queue.shift()! : queue[0];
    if (answer === undefined || answer === "refused") {
      throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    }
    return new Response("{}", { status: answer });
  }) as typeof fetch;
  return { impl, keysSeen };
}

const base = {
  baseUrl: "http://127.0.0.1:3100",
  apiKey: "a".repeat(43),
  name: "waha_user_1",
  pollMs: 1,
  readLogs: async () => "line 1\nline 2",
};

describe("waitForWahaReady", () => {
  it("waits for /ping, then for an authenticated call carrying the key", async () => {
    const { impl, keysSeen } = scriptedFetch({ "/ping": ["refused", "refused", 200], "/api/sessions": [401, 200] });
    await waitForWahaReady({ ...base, timeoutMs: 5_000, isAlive: async () => true, fetchImpl: impl });
    expect(keysSeen.at(-1)).toBe(base.apiKey);
    expect(keysSeen.filter((k) => k === null)).toHaveLength(4); // three refused pings, then one per round
  });

  it("on timeout, fails with the last reason and the log lines", async () => {
    const { impl } = scriptedFetch({ "/ping": [200], "/api/sessions": [401] });
    const error = waitForWahaReady({ ...base, timeoutMs: 30, isAlive: async () => true, fetchImpl: impl });
    await expect(error).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
    await expect(error).rejects.toThrow(/not ready within 30 ms \(\/api\/sessions answered 401\)[\s\S]*line 2/);
  });

  it("stops waiting as soon as the instance has exited", async () => {
    const { impl } = scriptedFetch({ "/ping": ["refused"] });
    const error = waitForWahaReady({ ...base, timeoutMs: 60_000, isAlive: async () => false, fetchImpl: impl });
    await expect(error).rejects.toThrow(/exited before WAHA was ready \(\/ping unreachable \(ECONNREFUSED\)\)/);
  });
});
