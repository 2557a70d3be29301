// The race of a send and its ack: WAHA can deliver message.ack before sendChipMessage has saved the message row.
// A stand-in WAHA delivers the ack through the real webhook route before it answers the send.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { POST as webhookRoute } from "~/app/api/webhooks/waha/[instanceId]/route";
import { db } from "~/server/db";
import { sendChipMessage } from "./chip-messages";
import { createTestChip, createTestInstance, createTestUser, signedWebhookRequest, wahaEnvelope } from "./testing/chip-fixtures";

const CHAT = "5511999998888@c.us";
const WAHA_ID = `true_${CHAT}_3EB0ACKFIRST`;

type Race = { instanceId: string; webhookSecret: string; session: string };
let race: Race | null = null;
const ackAnswers: number[] = [];

function ackEvent(session: string, ack: number) {
  return wahaEnvelope({
    event: "message.ack",
    session,
    payload: { id: WAHA_ID, from: "5511900000001@c.us", to: CHAT, fromMe: true, ack, ackName: ack === 2 ? "DEVICE" : "SERVER" },
  });
}

async function deliver({ instanceId, webhookSecret, session }: Race, ack: number): Promise<number> {
  const request = signedWebhookRequest(instanceId, webhookSecret, JSON.stringify(ackEvent(session, ack)));
  return (await webhookRoute(request, { params: Promise.resolve({ instanceId }) })).status;
}

// Answers POST /api/sendText only after the DEVICE ack for the message it is about to name has been applied.
const fakeWaha = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    if (req.method !== "POST" || req.url !== "/api/sendText" || !race) return void res.writeHead(404).end();
    void deliver(race, 2).then((status) => {
      ackAnswers.push(status);
      res.writeHead(201, { "Content-Type": "application/json" }).end(JSON.stringify({ id: WAHA_ID, _data: {} }));
    });
  });
});
await new Promise<void>((ok) => fakeWaha.listen(0, "127.0.0.1", ok));
afterAll(() => new Promise<void>((ok) => fakeWaha.close(() => ok())));

describe("an ack that arrives before the send is saved", () => {
  it("is kept: the sent message ends with its text and the ack", async () => {
    const user = await createTestUser();
    const instance = await createTestInstance(user.id);
    const { port } = fakeWaha.address() as AddressInfo;
    await db.wahaInstance.update({ where: { id: instance.id }, data: { baseUrl: `http://127.0.0.1:${port}` } });
    const chip = await createTestChip(user.id, instance.id, "WORKING");
    race = { instanceId: instance.id, webhookSecret: instance.webhookSecret, session: chip.sessionName };

    const sent = await sendChipMessage({ userId: user.id, chipId: chip.id, chatId: CHAT, text: "hello" });

    expect(ackAnswers).toEqual([200]);
    expect(sent).toMatchObject({ wahaId: WAHA_ID, direction: "OUTBOUND", chatId: CHAT, text: "hello", ack: 2 });
    const rows = await db.message.findMany({ where: { chipId: chip.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ wahaId: WAHA_ID, text: "hello", ack: 2 });

    // A late, lower ack does not move it back.
    expect(await deliver(race, 1)).toBe(200);
    expect(await db.message.findUniqueOrThrow({ where: { id: rows[0]!.id } })).toMatchObject({ ack: 2 });
  });
});
