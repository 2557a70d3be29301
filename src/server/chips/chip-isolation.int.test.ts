import { describe, expect, it, vi } from "vitest";
import { db } from "~/server/db";
import { createTestChip, createTestInstance, createTestUser } from "./testing/chip-fixtures";

// The SSE routes read the session through next-auth; here it is whoever the test says is signed in.
const auth = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("~/server/auth", () => ({
  getServerAuthSession: async () => (auth.userId ? { user: { id: auth.userId, name: "T", email: "t@example.com" } } : null),
}));

const { createCaller } = await import("~/server/api/root");
const { GET: chipEvents } = await import("~/app/api/chips/[chipId]/events/route");
const { GET: userEvents } = await import("~/app/api/chips/events/route");
const { openChipEventStream } = await import("./chip-event-stream");
const { publishChipEvent } = await import("./chip-bus");

const callerFor = (userId: string) =>
  createCaller({ session: { user: { id: userId, name: "T", email: "t@example.com" }, expires: "2999-01-01" }, headers: new Headers() });

async function twoUsers() {
  const alice = await createTestUser("Alice");
  const bob = await createTestUser("Bob");
  const aliceChip = await createTestChip(alice.id, (await createTestInstance(alice.id)).id, "SCAN_QR_CODE");
  const bobChip = await createTestChip(bob.id, (await createTestInstance(bob.id)).id, "WORKING");
  return { alice, bob, aliceChip, bobChip };
}

/** Reads SSE data frames one at a time; every read is bounded in chunks. */
function frameReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const ready: unknown[] = [];
  let buffer = "";
  return {
    async next(): Promise<unknown> {
      for (let i = 0; i < 50 && ready.length === 0; i++) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        const parts = buffer.split("\n\n");
        buffer = parts.pop() ?? "";
        for (const part of parts) if (part.startsWith("data: ")) ready.push(JSON.parse(part.slice(6)));
      }
      return ready.shift();
    },
    cancel: () => reader.cancel(),
  };
}

describe("two users' chips", () => {
  it("tRPC: neither lists, sees, changes or deletes the other's chips", async () => {
    const { alice, bob, aliceChip, bobChip } = await twoUsers();
    const asBob = callerFor(bob.id);
    expect((await asBob.chip.list()).map((c) => c.id)).toEqual([bobChip.id]);
    expect((await callerFor(alice.id).chip.list()).map((c) => c.id)).toEqual([aliceChip.id]);

    const ref = { chipId: aliceChip.id };
    const attempts = [
      () => asBob.chip.get(ref),
      () => asBob.chip.qr(ref),
      () => asBob.chip.rename({ ...ref, label: "stolen" }),
      () => asBob.chip.restart(ref),
      () => asBob.chip.logout(ref),
      () => asBob.chip.remove(ref),
      () => asBob.chip.requestPairingCode({ ...ref, phoneNumber: "5511987654321" }),
      () => asBob.chip.messages(ref),
      () => asBob.chip.sendMessage({ ...ref, chatId: "5511987654321", text: "hi" }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.chip.findUniqueOrThrow({ where: { id: aliceChip.id } })).toMatchObject({
      label: aliceChip.label,
      status: "SCAN_QR_CODE",
      deletedAt: null,
    });
  });

  it("a malformed chip id is not found rather than an error", async () => {
    const { bob } = await twoUsers();
    await expect(callerFor(bob.id).chip.get({ chipId: "not-a-uuid" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("SSE: the chip stream answers 404 for another user's chip and 401 signed out", async () => {
    const { alice, bob, aliceChip } = await twoUsers();
    const params = { params: Promise.resolve({ chipId: aliceChip.id }) };
    auth.userId = bob.id;
    const notFound = await chipEvents(new Request("http://localhost/"), params);
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ error: { code: "NOT_FOUND", message: "chip_not_found" } });
    auth.userId = null;
    const signedOut = await chipEvents(new Request("http://localhost/"), params);
    expect(signedOut.status).toBe(401);
    expect(await signedOut.json()).toEqual({ error: { code: "UNAUTHORIZED", message: "not_signed_in" } });
    const signedOutAll = await userEvents(new Request("http://localhost/"));
    expect(signedOutAll.status).toBe(401);
    expect(await signedOutAll.json()).toEqual({ error: { code: "UNAUTHORIZED", message: "not_signed_in" } });

    auth.userId = alice.id;
    const controller = new AbortController();
    const own = await chipEvents(new Request("http://localhost/", { signal: controller.signal }), params);
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toContain("text/event-stream");
    const frames = frameReader(own.body!);
    expect(await frames.next()).toMatchObject({ type: "chip", chip: { id: aliceChip.id } });
    await frames.cancel();
    controller.abort();
  });

  it("SSE: a user's stream carries only their own chips' events", async () => {
    const { alice, bob, aliceChip, bobChip } = await twoUsers();
    auth.userId = bob.id;
    const controller = new AbortController();
    const res = await userEvents(new Request("http://localhost/", { signal: controller.signal }));
    const frames = frameReader(res.body!);
    expect(await frames.next()).toMatchObject({ type: "chips", chips: [{ id: bobChip.id }] });
    // Alice's event first: if it leaked into Bob's stream it would be the next frame.
    publishChipEvent(alice.id, aliceChip.id, { type: "progress", chipId: aliceChip.id, step: "starting" });
    publishChipEvent(bob.id, bobChip.id, { type: "progress", chipId: bobChip.id, step: "ready" });
    expect(await frames.next()).toEqual({ type: "progress", chipId: bobChip.id, step: "ready" });
    await frames.cancel();
    controller.abort();
  });

  it("the domain stream refuses before streaming anything", async () => {
    const { bob, aliceChip } = await twoUsers();
    const signal = new AbortController().signal;
    await expect(openChipEventStream({ userId: bob.id, chipId: aliceChip.id, signal })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
