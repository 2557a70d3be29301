import { describe, expect, it } from "vitest";
import { buildEnvelope, wahaEnvironment, webhookWantsEvent } from "./envelope";
import { signBody } from "./hmac";
import { parseRetryAfter, resolveRetryPolicy, retryDelayMs } from "./retry-policy";

describe("signBody", () => {
  it("matches WAHA's documented test vector", () => {
    expect(signBody('{"event":"message","session":"default","engine":"WEBJS"}', "my-secret-key")).toBe(
      "208f8a55dde9e05519e898b10b89bf0d0b3b0fdf11fdbf09b6b90476301b98d8097c462b2b17a6ce93b6b47a136cf2e78a33a63f6752c2c1631777076153fa89",
    );
  });
});

describe("retry policy", () => {
  it("defaults to 15 constant retries 2 s apart", () => {
    const policy = resolveRetryPolicy(undefined);
    expect(policy).toEqual({ policy: "constant", delaySeconds: 2, attempts: 15 });
    expect([1, 2, 5].map((n) => retryDelayMs(policy, n, null))).toEqual([2000, 2000, 2000]);
  });

  it("grows linearly and exponentially (with up to 20 % jitter) and lets a larger Retry-After win", () => {
    const linear = resolveRetryPolicy({ policy: "linear", delaySeconds: 2 });
    expect([1, 2, 3].map((n) => retryDelayMs(linear, n, null))).toEqual([2000, 4000, 6000]);
    const exponential = resolveRetryPolicy({ policy: "exponential", delaySeconds: 2 });
    expect(retryDelayMs(exponential, 1, null, () => 0)).toBe(4000);
    expect(retryDelayMs(exponential, 2, null, () => 1)).toBe(9600);
    expect(retryDelayMs(linear, 1, 7000)).toBe(7000);
    expect(retryDelayMs(linear, 3, 1000)).toBe(6000);
  });

  it("honours attempts 0 and delaySeconds 0", () => {
    const policy = resolveRetryPolicy({ attempts: 0, delaySeconds: 0 });
    expect(policy.attempts).toBe(0);
    expect(retryDelayMs(policy, 1, null)).toBe(0);
  });

  it("parses Retry-After as seconds or a date", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter(undefined)).toBeNull();
  });
});

describe("envelope", () => {
  const environment = wahaEnvironment("NOWEB", null);

  it("orders keys like WAHA and omits metadata when the session has none", () => {
    const base = { id: "evt_1", timestamp: 1, event: "message", session: "s", me: null, payload: {}, environment };
    expect(Object.keys(buildEnvelope({ ...base, metadata: { a: "b" } }))).toEqual([
      "id", "timestamp", "event", "session", "metadata", "me", "payload", "engine", "environment",
    ]);
    expect(buildEnvelope({ ...base, metadata: undefined })).not.toHaveProperty("metadata");
  });

  it("treats * as every event except state.change and engine.event", () => {
    expect(webhookWantsEvent(["*"], "message.ack")).toBe(true);
    expect(webhookWantsEvent(["*"], "engine.event")).toBe(false);
    expect(webhookWantsEvent(["*", "state.change"], "state.change")).toBe(true);
    expect(webhookWantsEvent(["message"], "message.any")).toBe(false);
  });
});
