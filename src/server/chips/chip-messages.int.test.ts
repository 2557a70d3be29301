// Messages between two chips on the real simulator: a send, its acks and the inbound copy, each pushed on the bus;
// and one per-chip pace shared by the dashboard (tRPC) and the REST API.
import { afterAll, describe, expect, it } from "vitest";
import type { ChipEvent } from "./chip-bus";
import { eventually } from "~/test/eventually";
import { startChipSimulator } from "./testing/chip-simulator";

const simulator = await startChipSimulator({
  name: "messages",
  portRange: "22500-22599",
  settings: { RATE_LIMIT_BACKEND: "memory", RATE_LIMIT_MESSAGE_SEND_PER_CHIP: "3/1h" },
});

const { db } = await import("~/server/db");
const { createCaller } = await import("~/server/api/root");
const { createApiKey } = await import("~/server/api-keys");
const { POST: restSend } = await import("~/app/api/v1/chips/[id]/messages/route");
const { sendChipMessage } = await import("./chip-messages");
const { subscribeToChip } = await import("./chip-bus");
const { createTestUser } = await import("./testing/chip-fixtures");
const { createPairedChip } = await import("./testing/simulated-chips");

const userIds: string[] = [];
afterAll(async () => {
  await simulator.stop(userIds);
}, 60_000);

async function twoPairedChips() {
  const user = await createTestUser();
  userIds.push(user.id);
  const a = await createPairedChip(user.id, "5511922220001");
  const b = await createPairedChip(user.id, "5511922220002");
  return { user, a, b };
}

type Pushed = Extract<ChipEvent, { type: "message" }>["message"];
function messagesPushedTo(chipId: string) {
  const pushed: Pushed[] = [];
  const stop = subscribeToChip(chipId, (e) => e.type === "message" && pushed.push(e.message));
  return { pushed, stop };
}

describe("chip messages", () => {
  it("sends to a typed phone number, pushes the send and every ack, and the other chip receives it live", async () => {
    const { user, a, b } = await twoPairedChips();
    const onA = messagesPushedTo(a.id);
    const onB = messagesPushedTo(b.id);

    const sent = await sendChipMessage({ userId: user.id, chipId: a.id, chatId: "+55 11 92222-0002", text: "Olá B" });
    expect(sent).toMatchObject({ direction: "OUTBOUND", chatId: "5511922220002@c.us", text: "Olá B", ack: 0 });
    expect(onA.pushed[0]).toEqual(sent);

    await eventually(async () => onA.pushed.some((m) => m.id === sent.id && m.ack === 3));
    const acks = onA.pushed.filter((m) => m.id === sent.id).map((m) => m.ack);
    expect(acks).toEqual([...acks].sort());
    expect((await db.message.findUniqueOrThrow({ where: { id: sent.id } })).ack).toBe(3);

    const inbound = await eventually(async () => onB.pushed.find((m) => m.direction === "INBOUND"));
    expect(inbound).toMatchObject({ chatId: "5511922220001@c.us", text: "Olá B" });
    onA.stop();
    onB.stop();
  });

  it("paces each chip across the dashboard and the API, and refused recipients cost nothing", async () => {
    const { user, a, b } = await twoPairedChips();
    const asUser = createCaller({
      session: { user: { id: user.id, name: "T", email: "t@example.com" }, expires: "2999-01-01" },
      headers: new Headers(),
    });
    const { key } = await createApiKey({ userId: user.id, name: "ci", scopes: ["send"] });
    const viaApi = (chipId: string) =>
      restSend(
        new Request(`http://127.0.0.1/api/v1/chips/${chipId}/messages`, {
          method: "POST",
          headers: { "x-api-key": key, "Content-Type": "application/json" },
          body: JSON.stringify({ chatId: "5511922220002", text: "via API" }),
        }),
        { params: Promise.resolve({ id: chipId }) },
      );
    const viaDashboard = (chatId = "5511922220002") => asUser.chip.sendMessage({ chipId: a.id, chatId, text: "via UI" });

    await expect(viaDashboard("not a number")).rejects.toMatchObject({ code: "BAD_REQUEST", message: "invalid_chat_id" });
    await viaDashboard();
    await viaDashboard();
    expect((await viaApi(a.id)).status).toBe(201);

    await expect(viaDashboard()).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    const refused = await viaApi(a.id);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    // The pace is per chip: the other chip of the same user still sends.
    expect((await viaApi(b.id)).status).toBe(201);
  });
});
