import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSimulator, type TestSimulator } from "./support/sim";
import { startReceiver } from "./support/receiver";
import { waitFor } from "./support/wait";

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.stop());

describe("webhooks", () => {
  it("posts WAHA's envelope and headers, signed with HMAC-SHA512 over the raw body", async () => {
    const receiver = await startReceiver();
    try {
      await sim.json("POST", "/api/sessions", {
        name: "wh_sign",
        start: true,
        config: {
          metadata: { "user.id": "u1" },
          webhooks: [{ url: receiver.url, events: ["*"], hmac: { key: "hook-secret" }, customHeaders: [{ name: "X-Tenant", value: "t1" }] }],
        },
      });
      const hook = await waitFor(() => receiver.received[0], "first webhook");
      expect(Object.keys(hook.body)).toEqual(["id", "timestamp", "event", "session", "metadata", "me", "payload", "engine", "environment"]);
      expect(hook.body).toMatchObject({
        event: "session.status",
        session: "wh_sign",
        metadata: { "user.id": "u1" },
        me: null,
        payload: { name: "wh_sign", status: "STARTING", data: null },
        engine: "NOWEB",
        environment: { version: "2026.7.1", engine: "NOWEB" },
      });
      expect(hook.body.id).toMatch(/^evt_[0-9a-z]{26}$/);
      const expected = createHmac("sha512", "hook-secret").update(hook.rawBody).digest("hex");
      expect(hook.headers["x-webhook-hmac"]).toBe(expected);
      expect(hook.headers["x-webhook-hmac-algorithm"]).toBe("sha512");
      expect(hook.headers["x-webhook-timestamp"]).toBe(String(hook.body.timestamp));
      expect(hook.headers["x-webhook-request-id"]).toMatch(/^[0-9a-z]{18}$/);
      expect(hook.headers["x-tenant"]).toBe("t1");
      expect(hook.headers["user-agent"]).toBe("WAHA/2026.7.1");
    } finally {
      await sim.api("DELETE", "/api/sessions/wh_sign");
      await receiver.close();
    }
  });

  it("retries a failing receiver with the same body, event id and request id, then stops", async () => {
    const receiver = await startReceiver({ failFirst: 3, failStatus: 401 });
    try {
      await sim.json("POST", "/api/sessions", {
        name: "wh_retry",
        start: true,
        config: { webhooks: [{ url: receiver.url, events: ["session.status"], retries: { attempts: 5, delaySeconds: 1, policy: "linear" } }] },
      });
      await waitFor(() => receiver.events("wh_retry", "session.status").length > 0, "a delivery that succeeded");
      const firstEventId = receiver.received[0]!.body.id;
      const sameEvent = receiver.received.filter((r) => r.body.id === firstEventId);
      expect(sameEvent.map((r) => r.answeredWith)).toEqual([401, 401, 401, 200]);
      expect(new Set(sameEvent.map((r) => r.rawBody)).size).toBe(1);
      expect(new Set(sameEvent.map((r) => r.headers["x-webhook-request-id"])).size).toBe(1);
      const log = (await sim.json("GET", "/_sim/webhooks/deliveries?session=wh_retry")).body.filter((d: { eventId: string }) => d.eventId === firstEventId);
      expect(log.map((d: { attempt: number; statusCode: number }) => [d.attempt, d.statusCode])).toEqual([[1, 401], [2, 401], [3, 401], [4, 200]]);
    } finally {
      await sim.api("DELETE", "/api/sessions/wh_retry");
      await receiver.close();
    }
  });

  it("gives up after `attempts` retries and logs network errors", async () => {
    const receiver = await startReceiver({ failFirst: 100 });
    try {
      await sim.json("POST", "/api/sessions", {
        name: "wh_giveup",
        start: false,
        config: { webhooks: [{ url: receiver.url, events: ["session.status"], retries: { attempts: 2, delaySeconds: 0 } }, { url: "http://127.0.0.1:1/closed", events: ["session.status"], retries: { attempts: 0 } }] },
      });
      await sim.json("POST", "/api/sessions/wh_giveup/start");
      await waitFor(async () => {
        const log = (await sim.json("GET", "/_sim/webhooks/deliveries?session=wh_giveup")).body as { url: string; error: string | null }[];
        return log.some((d) => d.url.endsWith("/closed") && d.error);
      }, "network error logged");
      const eventId = receiver.received[0]!.body.id;
      await waitFor(() => receiver.received.filter((r) => r.body.id === eventId).length === 3, "first try + 2 retries");
      const log = (await sim.json("GET", "/_sim/webhooks/deliveries?session=wh_giveup")).body as { url: string; error: string }[];
      expect(log.filter((d) => d.url.endsWith("/closed") && d.error === "ECONNREFUSED").length).toBeGreaterThanOrEqual(1);
    } finally {
      await sim.api("DELETE", "/api/sessions/wh_giveup");
      await receiver.close();
    }
  });
});
