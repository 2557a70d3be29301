import { createHmac } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { isWahaEvent, wahaWebhookEventSchema, type SessionConfig } from "./schemas";
import { verifyWahaSignature } from "./signature";
import { uniqueSessionName } from "./testing/contract-fixture";
import { contractSimulatorForFile } from "./testing/contract-suite";
import { loadWahaOpenApi } from "./testing/openapi-validator";
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from "./testing/webhook-receiver";

const sim = contractSimulatorForFile({ timeScale: 0.02 });
const hmacKey = "whsec-contract-test-key";
const FAILED_TRIES = 2;

// The signed receiver fails the first tries of every delivery, so each event shows up as retries.
let signed: WebhookReceiver;
let unsigned: WebhookReceiver;
beforeAll(async () => {
  signed = await startWebhookReceiver((_body, previousTries) => (previousTries < FAILED_TRIES ? 500 : 200));
  unsigned = await startWebhookReceiver();
});
// Every delivered body must match the document's webhook schema for its event, as responses must.
const openapi = loadWahaOpenApi();
const checkedBodies = new Set<string>();
afterEach(() => {
  const fresh = [...signed.received, ...unsigned.received].map((w) => w.rawBody).filter((body) => !checkedBodies.has(body));
  fresh.forEach((body) => checkedBodies.add(body));
  const problems = fresh.map((body) => openapi.checkWebhook(body)).flatMap((c) => c.problems.map((p) => `${c.operation}: ${p}`));
  expect(problems, "webhook bodies that break WAHA's OpenAPI document").toEqual([]);
});
afterAll(async () => {
  expect(checkedBodies.size, "webhook bodies checked against the OpenAPI document").toBeGreaterThan(0);
  await signed?.close();
  await unsigned?.close();
});

const envelopeOf = (w: ReceivedWebhook) => wahaWebhookEventSchema.parse(JSON.parse(w.rawBody));
const accepted = (match: (w: ReceivedWebhook) => boolean) => (w: ReceivedWebhook) => w.status === 200 && match(w);
const sessionStatus = (session: string, status: string) => (w: ReceivedWebhook) => {
  const event = envelopeOf(w);
  return event.session === session && isWahaEvent(event, "session.status") && event.payload.status === status;
};

function webhookConfig(): SessionConfig {
  const events = ["session.status", "message", "message.any", "message.ack"];
  return {
    metadata: { "user.id": "u-42", "chip.id": "c-7" },
    webhooks: [
      {
        url: signed.url,
        events,
        hmac: { key: hmacKey },
        retries: { attempts: 3, delaySeconds: 1, policy: "constant" },
        customHeaders: [{ name: "X-Whago-Instance", value: "inst-1" }],
      },
      { url: unsigned.url, events: ["session.status"] },
    ],
  };
}

describe("[WAHA contract] webhooks", () => {
  it("signs each delivery over the raw body and sends the documented headers", async () => {
    const name = uniqueSessionName();
    await sim().client.createSession({ name, start: true, config: webhookConfig() });
    const delivery = await signed.waitFor(accepted(sessionStatus(name, "STARTING")));

    // Computed here with node:crypto directly, independently of signature.ts.
    const expected = createHmac("sha512", hmacKey).update(delivery.rawBody, "utf8").digest("hex");
    const event = envelopeOf(delivery);
    expect(delivery.headers).toMatchObject({
      "content-type": "application/json",
      "x-webhook-hmac": expected,
      "x-webhook-hmac-algorithm": "sha512",
      "x-webhook-timestamp": String(event.timestamp),
      "x-whago-instance": "inst-1",
    });
    expect(delivery.headers["user-agent"]).toMatch(/^WAHA\/\d{4}\.\d+\.\d+$/);
    expect(delivery.headers["x-webhook-request-id"]).toMatch(/^[0-9a-z]+$/);
    expect(event).toMatchObject({ event: "session.status", session: name, metadata: { "user.id": "u-42", "chip.id": "c-7" } });
    expect(event.id).toMatch(/^evt_[0-9a-z]{26}$/);

    // And whago's own verifier accepts what WAHA sent.
    const headers = delivery.headers as Record<string, string>;
    expect(verifyWahaSignature({
      rawBody: delivery.rawBody,
      key: hmacKey,
      signature: headers["x-webhook-hmac"],
      algorithm: headers["x-webhook-hmac-algorithm"],
      timestamp: headers["x-webhook-timestamp"],
    })).toEqual({ ok: true });
  });

  it("retries a failed delivery with the same body, event id and request id", async () => {
    const name = uniqueSessionName();
    await sim().client.createSession({ name, start: true, config: webhookConfig() });
    const success = await signed.waitFor(accepted(sessionStatus(name, "SCAN_QR_CODE")));
    const requestId = success.headers["x-webhook-request-id"];
    const tries = signed.received.filter((w) => w.headers["x-webhook-request-id"] === requestId);
    expect(tries.map((w) => w.status)).toEqual([500, 500, 200]);
    expect(new Set(tries.map((w) => w.rawBody)).size).toBe(1);
    expect(new Set(tries.map((w) => envelopeOf(w).id)).size).toBe(1);
    expect(new Set(tries.map((w) => w.headers["x-webhook-hmac"])).size).toBe(1);
  });

  it("delivers each configured webhook independently; an entry without hmac is unsigned", async () => {
    const name = uniqueSessionName();
    await sim().client.createSession({ name, start: true, config: webhookConfig() });
    const plain = await unsigned.waitFor(sessionStatus(name, "STARTING"));
    const viaSigned = await signed.waitFor(accepted(sessionStatus(name, "STARTING")));
    expect(plain.headers["x-webhook-hmac"]).toBeUndefined();
    expect(plain.headers["x-webhook-hmac-algorithm"]).toBeUndefined();
    expect(envelopeOf(plain).id).toBe(envelopeOf(viaSigned).id);
    expect(plain.headers["x-webhook-request-id"]).not.toBe(viaSigned.headers["x-webhook-request-id"]);
  });

  it("reports pairing, incoming messages, sent messages and their acks", async () => {
    const { client, control, waitForStatus } = sim();
    const name = uniqueSessionName();
    await client.createSession({ name, start: true, config: webhookConfig() });
    await waitForStatus(name, "SCAN_QR_CODE");
    await control("POST", `/sessions/${name}/pair`, { phone: "5511955554444", pushName: "Chip 7" });
    const working = envelopeOf(await signed.waitFor(accepted(sessionStatus(name, "WORKING"))));
    expect(working.me).toMatchObject({ id: "5511955554444@c.us", pushName: "Chip 7" });

    await control("POST", `/sessions/${name}/inbound`, { from: "5511911112222@c.us", text: "Olá!" });
    const incoming = envelopeOf(await signed.waitFor(accepted((w) => envelopeOf(w).session === name && envelopeOf(w).event === "message")));
    expect(isWahaEvent(incoming, "message") && incoming.payload).toMatchObject({ from: "5511911112222@c.us", fromMe: false, body: "Olá!" });

    const sent = await client.sendText({ session: name, chatId: "5511911112222@c.us", text: "Tudo bem?" });
    const ofSent = (event: string) => (w: ReceivedWebhook) => {
      const e = envelopeOf(w);
      return e.session === name && e.event === event && (e.payload as { id?: unknown }).id === sent.id;
    };
    const any = envelopeOf(await signed.waitFor(accepted(ofSent("message.any"))));
    expect(isWahaEvent(any, "message.any") && any.payload).toMatchObject({ fromMe: true, source: "api", body: "Tudo bem?" });
    const ack = envelopeOf(await signed.waitFor(accepted(ofSent("message.ack"))));
    expect(isWahaEvent(ack, "message.ack") && ack.payload).toMatchObject({ fromMe: true, to: "5511911112222@c.us" });
  });
});
