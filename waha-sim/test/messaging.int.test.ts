import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSimulator, type TestSimulator } from "./support/sim";
import { startReceiver } from "./support/receiver";
import { waitFor } from "./support/wait";

let sim: TestSimulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

async function pairedSession(name: string, phone: string) {
  await sim.json("POST", "/api/sessions", { name, start: true, config: { webhooks: [{ url: receiver.url, events: ["message", "message.any", "message.ack"] }] } });
  await waitFor(async () => (await sim.json("GET", `/api/sessions/${name}`)).body.status === "SCAN_QR_CODE", `${name} QR`);
  await sim.json("POST", `/_sim/sessions/${name}/pair`, { phone });
}

beforeAll(async () => {
  sim = await startTestSimulator();
  receiver = await startReceiver();
  await pairedSession("msg_a", "5511900000001");
  await pairedSession("msg_b", "5511900000002");
});
afterAll(async () => {
  await sim.stop();
  await receiver.close();
});

describe("messaging", () => {
  it("sendText answers 201 with the NOWEB message, then message.any and acks SERVER → DEVICE → READ", async () => {
    const sent = await sim.json("POST", "/api/sendText", { session: "msg_a", chatId: "5511900000002@c.us", text: "olá" });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ key: { remoteJid: "5511900000002@s.whatsapp.net", fromMe: true }, status: "PENDING" });
    const id = `true_5511900000002@c.us_${sent.body.key.id}`;
    const any = await waitFor(() => receiver.events("msg_a", "message.any").find((e) => e.body.payload.id === id), "message.any");
    expect(any.body.payload).toMatchObject({ fromMe: true, source: "api", from: "5511900000001@c.us", to: "5511900000002@c.us", body: "olá" });
    await waitFor(() => receiver.events("msg_a", "message.ack").filter((e) => e.body.payload.id === id).length === 3, "three acks");
    const acks = receiver.events("msg_a", "message.ack").filter((e) => e.body.payload.id === id).map((e) => e.body.payload.ackName);
    expect(acks.sort()).toEqual(["DEVICE", "READ", "SERVER"]);
    expect(receiver.events("msg_a", "message")).toHaveLength(0);
  });

  it("delivers to a sibling session's number as an incoming message", async () => {
    const incoming = await waitFor(() => receiver.events("msg_b", "message").find((e) => e.body.payload.body === "olá"), "incoming on msg_b");
    expect(incoming.body.payload).toMatchObject({ fromMe: false, from: "5511900000001@c.us", to: "5511900000002@c.us" });
  });

  it("injects inbound messages through the control API", async () => {
    const created = await sim.json("POST", "/_sim/sessions/msg_a/inbound", { from: "5521988887777", text: "ping" });
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^false_5521988887777@c\.us_/);
    await waitFor(() => receiver.events("msg_a", "message").find((e) => e.body.payload.id === created.body.id), "inbound message event");
  });

  it("refuses to send from a session that is not WORKING", async () => {
    await sim.json("POST", "/api/sessions", { name: "msg_stopped" });
    const response = await sim.json("POST", "/api/sendText", { session: "msg_stopped", chatId: "1@c.us", text: "x" });
    expect(response).toEqual({
      status: 422,
      body: { error: "Session status is not as expected. Try again later or restart the session", session: "msg_stopped", status: "STOPPED", expected: ["WORKING"] },
    });
  });
});
