import { describe, expect, it } from "vitest";
import { POST } from "~/app/api/webhooks/waha/[instanceId]/route";
import { db } from "~/server/db";
import {
  createTestChip,
  createTestInstance,
  createTestUser,
  signedWebhookRequest,
  statusEvent,
  wahaEnvelope,
} from "./testing/chip-fixtures";

const deliver = (instanceId: string, request: Request) => POST(request, { params: Promise.resolve({ instanceId }) });

async function setup() {
  const user = await createTestUser();
  const instance = await createTestInstance(user.id);
  const chip = await createTestChip(user.id, instance.id, "SCAN_QR_CODE");
  return { user, instance, chip };
}

const chipRow = (id: string) => db.chip.findUniqueOrThrow({ where: { id } });
const me = { id: "5511987654321@c.us", pushName: "Loja Centro" };

describe("POST /api/webhooks/waha/[instanceId]", () => {
  it("applies a valid session.status once, recording the paired number", async () => {
    const { instance, chip } = await setup();
    const body = JSON.stringify(statusEvent(chip.sessionName, "WORKING", { me }));
    const res = await deliver(instance.id, signedWebhookRequest(instance.id, instance.webhookSecret, body));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, outcome: "applied" });
    expect(await chipRow(chip.id)).toMatchObject({ status: "WORKING", phoneNumber: "5511987654321", pushName: "Loja Centro" });
    expect(await db.webhookEvent.count({ where: { instanceId: instance.id } })).toBe(1);
  });

  it("answers a redelivered event id with 2xx and changes nothing", async () => {
    const { instance, chip } = await setup();
    const body = JSON.stringify(statusEvent(chip.sessionName, "WORKING", { me }));
    await deliver(instance.id, signedWebhookRequest(instance.id, instance.webhookSecret, body));
    // Move the chip on behind WAHA's back: a second application would show as WORKING again.
    await db.chip.update({ where: { id: chip.id }, data: { status: "STOPPED", statusEventAt: null, phoneNumber: null } });

    const again = await deliver(instance.id, signedWebhookRequest(instance.id, instance.webhookSecret, body));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ outcome: "duplicate" });
    expect(await chipRow(chip.id)).toMatchObject({ status: "STOPPED", phoneNumber: null });
    expect(await db.webhookEvent.count({ where: { instanceId: instance.id } })).toBe(1);
  });

  it("rejects a tampered body, a wrong key, a missing or foreign-algorithm signature with 401 and no change", async () => {
    const { instance, chip } = await setup();
    const body = JSON.stringify(statusEvent(chip.sessionName, "WORKING", { me }));
    const valid = signedWebhookRequest(instance.id, instance.webhookSecret, body);
    const tampered = new Request(valid.url, { method: "POST", headers: valid.headers, body: body.replace("WORKING", "FAILED") });
    const attempts = [
      tampered,
      signedWebhookRequest(instance.id, "not-the-secret", body),
      signedWebhookRequest(instance.id, null, body),
      signedWebhookRequest(instance.id, instance.webhookSecret, body, { "X-Webhook-Hmac-Algorithm": "sha256" }),
    ];
    for (const request of attempts) expect((await deliver(instance.id, request)).status).toBe(401);
    expect(await chipRow(chip.id)).toMatchObject({ status: "SCAN_QR_CODE", phoneNumber: null });
    expect(await db.webhookEvent.count({ where: { instanceId: instance.id } })).toBe(0);
  });

  it("rejects a signed event older than the tolerance", async () => {
    const { instance, chip } = await setup();
    const old = Date.now() - 3_600_000;
    const body = JSON.stringify(statusEvent(chip.sessionName, "WORKING", { me, timestamp: old }));
    const res = await deliver(instance.id, signedWebhookRequest(instance.id, instance.webhookSecret, body, { "X-Webhook-Timestamp": String(Date.now()) }));
    expect(res.status).toBe(401);
    expect(await chipRow(chip.id)).toMatchObject({ status: "SCAN_QR_CODE" });
  });

  it("never lets an older status arriving late regress the chip", async () => {
    const { instance, chip } = await setup();
    const t = Date.now();
    const working = JSON.stringify(statusEvent(chip.sessionName, "WORKING", { me, timestamp: t }));
    const lateQr = JSON.stringify(statusEvent(chip.sessionName, "SCAN_QR_CODE", { timestamp: t - 5_000 }));
    await deliver(instance.id, signedWebhookRequest(instance.id, instance.webhookSecret, working));
    const res = await deliver(instance.id, signedWebhookRequest(instance.id, instance.webhookSecret, lateQr));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ outcome: "stale" });
    expect(await chipRow(chip.id)).toMatchObject({ status: "WORKING", statusEventAt: BigInt(t) });
  });

  it("keeps one instance's signature away from another instance's chips", async () => {
    const victim = await setup();
    const attacker = await setup();
    const body = JSON.stringify(statusEvent(victim.chip.sessionName, "FAILED"));
    // Signed with the attacker's own secret, sent to the attacker's own route, naming the victim's session.
    const own = await deliver(attacker.instance.id, signedWebhookRequest(attacker.instance.id, attacker.instance.webhookSecret, body));
    expect(await own.json()).toMatchObject({ outcome: "ignored" });
    // Signed with the attacker's secret but sent to the victim's route.
    const other = await deliver(victim.instance.id, signedWebhookRequest(victim.instance.id, attacker.instance.webhookSecret, body));
    expect(other.status).toBe(401);
    expect(await chipRow(victim.chip.id)).toMatchObject({ status: "SCAN_QR_CODE" });
  });

  it("answers 404 for an unknown instance and 200 for events whago does not use", async () => {
    const { instance, chip } = await setup();
    const body = JSON.stringify(wahaEnvelope({ event: "presence.update", session: chip.sessionName, payload: {} }));
    expect((await deliver("00000000-0000-4000-8000-000000000000", signedWebhookRequest("x", "k", body))).status).toBe(404);
    const res = await deliver(instance.id, signedWebhookRequest(instance.id, instance.webhookSecret, body));
    expect(res.status).toBe(200);
  });

  it("records an inbound message once and moves its acks forward only", async () => {
    const { instance, chip } = await setup();
    const message = wahaEnvelope({
      event: "message",
      session: chip.sessionName,
      payload: { id: "false_5511@c.us_ABC", timestamp: 1, from: "5511@c.us", fromMe: false, body: "oi", ack: 1 },
    });
    const body = JSON.stringify(message);
    await deliver(instance.id, signedWebhookRequest(instance.id, instance.webhookSecret, body));
    await deliver(instance.id, signedWebhookRequest(instance.id, instance.webhookSecret, JSON.stringify({ ...message, id: "evt_other" })));
    const rows = await db.message.findMany({ where: { chipId: chip.id } });
    expect(rows).toEqual([expect.objectContaining({ direction: "INBOUND", text: "oi", chatId: "5511@c.us" })]);

    const ack = (n: number) =>
      JSON.stringify(wahaEnvelope({
        event: "message.ack",
        session: chip.sessionName,
        payload: { id: "false_5511@c.us_ABC", from: "5511@c.us", to: "me@c.us", fromMe: false, ack: n, ackName: "X" },
      }));
    await deliver(instance.id, signedWebhookRequest(instance.id, instance.webhookSecret, ack(3)));
    await deliver(instance.id, signedWebhookRequest(instance.id, instance.webhookSecret, ack(2)));
    expect((await db.message.findFirstOrThrow({ where: { chipId: chip.id } })).ack).toBe(3);
  });
});
