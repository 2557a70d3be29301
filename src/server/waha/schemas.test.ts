import { describe, expect, it } from "vitest";
import { isWahaEvent, sessionInfoSchema, wahaWebhookEventSchema } from "./schemas";

const envelope = {
  id: "evt_01j9z3k2m4abcdefghjkmnpqrs",
  timestamp: 1741249702485,
  session: "chip_1",
  metadata: { "user.id": "u1", "chip.id": "c1" },
  me: null,
  engine: "NOWEB",
  environment: { version: "2026.7.1", engine: "NOWEB", tier: "PLUS", browser: null, platform: "linux/x64", worker: { id: null } },
};

describe("wahaWebhookEventSchema", () => {
  it("types session.status events", () => {
    const event = wahaWebhookEventSchema.parse({
      ...envelope,
      event: "session.status",
      payload: { name: "chip_1", status: "SCAN_QR_CODE", statuses: [{ status: "STARTING", timestamp: 1 }], data: null },
    });
    expect(isWahaEvent(event, "session.status") && event.payload.status).toBe("SCAN_QR_CODE");
    expect(isWahaEvent(event, "message")).toBe(false);
  });

  it("types incoming messages and acks", () => {
    const message = {
      id: "false_1@c.us_AAA", timestamp: 1666943582, from: "1@c.us", fromMe: false, to: "2@c.us", body: "Hi", hasMedia: false,
    };
    expect(wahaWebhookEventSchema.parse({ ...envelope, event: "message", payload: message })).toMatchObject({ payload: { body: "Hi" } });
    const ack = { id: "true_1@c.us_AAA", from: "2@c.us", to: "1@c.us", participant: null, fromMe: true, ack: 3, ackName: "READ" };
    expect(wahaWebhookEventSchema.parse({ ...envelope, event: "message.ack", payload: ack })).toMatchObject({ payload: { ack: 3 } });
  });

  it("passes other events through untouched", () => {
    const payload = { id: "x", reaction: { text: "👍" } };
    expect(wahaWebhookEventSchema.parse({ ...envelope, event: "message.reaction", payload })).toMatchObject({ payload });
  });

  it("rejects a typed event with a malformed payload instead of passing it through", () => {
    const bad = { ...envelope, event: "session.status", payload: { name: "chip_1", status: "SLEEPING" } };
    expect(wahaWebhookEventSchema.safeParse(bad).success).toBe(false);
    const badAck = { ...envelope, event: "message.ack", payload: { id: "x", from: "a", to: "b", fromMe: true, ack: 9, ackName: "?" } };
    expect(wahaWebhookEventSchema.safeParse(badAck).success).toBe(false);
  });

  it("rejects metadata that is not a flat string record", () => {
    const bad = { ...envelope, metadata: { nested: { a: "b" } }, event: "engine.event", payload: {} };
    expect(wahaWebhookEventSchema.safeParse(bad).success).toBe(false);
  });
});

describe("sessionInfoSchema", () => {
  it("accepts the nulls WAHA echoes for unsent config fields", () => {
    const info = sessionInfoSchema.parse({
      name: "chip_1",
      status: "WORKING",
      config: { proxy: null, debug: false, webhooks: [{ url: "http://h/x", events: ["*"], hmac: null, retries: null, customHeaders: null }] },
      me: { id: "1@c.us", pushName: "John" },
      presence: "online",
      timestamps: { activity: 1723788847247 },
      engine: { engine: "GOWS", grpc: { client: "READY" } },
    });
    expect(info.engine).toEqual({ engine: "GOWS", grpc: { client: "READY" } });
  });
});
