import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSimulator, type TestSimulator } from "./support/sim";
import { startReceiver } from "./support/receiver";
import { waitFor } from "./support/wait";

let sim: TestSimulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  sim = await startTestSimulator();
  receiver = await startReceiver();
});
afterAll(async () => {
  await sim.stop();
  await receiver.close();
});

async function createStarted(name: string) {
  const created = await sim.json("POST", "/api/sessions", { name, start: true, config: { webhooks: [{ url: receiver.url, events: ["session.status"] }] } });
  expect(created.body.status).toBe("STARTING");
  return created;
}

describe("status machine", () => {
  it("rotates 6 QR codes (one SCAN_QR_CODE event each, a new value each time) and then FAILS", async () => {
    await createStarted("sm_rotate");
    const seen = new Set<string>();
    await waitFor(async () => {
      const state = (await sim.json("GET", "/_sim/sessions/sm_rotate")).body;
      if (state.qr) seen.add(state.qr.value);
      return state.status === "FAILED";
    }, "FAILED after the last QR");
    expect(seen.size).toBeGreaterThanOrEqual(5);
    await waitFor(() => receiver.statuses("sm_rotate").includes("FAILED"), "FAILED event");
    expect(receiver.statuses("sm_rotate")).toEqual(["STARTING", ...Array(6).fill("SCAN_QR_CODE"), "FAILED"]);
    const last = receiver.events("sm_rotate", "session.status").at(-1)!.body.payload;
    expect(last.statuses).toHaveLength(3);
    expect(last.statuses.map((s: { status: string }) => s.status)).toEqual(["SCAN_QR_CODE", "SCAN_QR_CODE", "FAILED"]);
  });

  it("serves the QR as PNG, as {mimetype,data} only for Accept exactly application/json, and raw", async () => {
    await createStarted("sm_qr");
    const raw = await waitFor(async () => {
      const response = await sim.json("GET", "/api/sm_qr/auth/qr?format=raw");
      return response.status === 200 && (response.body.value as string);
    }, "raw QR");
    expect(raw).toMatch(/^2@/);
    for (const accept of [undefined, "*/*", "application/json, text/plain, */*", "image/png"]) {
      const response = await sim.api("GET", "/api/sm_qr/auth/qr", undefined, accept ? { Accept: accept } : {});
      expect(response.headers.get("content-type")).toBe("image/png");
      expect(Buffer.from(await response.arrayBuffer()).subarray(1, 4).toString()).toBe("PNG");
    }
    const json = await sim.api("GET", "/api/sm_qr/auth/qr", undefined, { Accept: "application/json" });
    const body = (await json.json()) as { mimetype: string; data: string };
    expect(body.mimetype).toBe("image/png");
    expect(Buffer.from(body.data, "base64").subarray(1, 4).toString()).toBe("PNG");
  });

  it("expire-qr rotates immediately and pairing goes WORKING with me in the event", async () => {
    const before = (await sim.json("GET", "/_sim/sessions/sm_qr")).body.qr;
    const after = (await sim.json("POST", "/_sim/sessions/sm_qr/expire-qr")).body.qr;
    expect(after.index).toBe(before.index + 1);
    expect(after.value).not.toBe(before.value);

    const code = await sim.json("POST", "/api/sm_qr/auth/request-code", { phoneNumber: "5511999990007" });
    expect(code.status).toBe(201);
    expect(code.body.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    const paired = await sim.json("POST", "/_sim/sessions/sm_qr/pair", { phone: "5511999990007" });
    expect(paired.body).toMatchObject({ status: "WORKING", me: { id: "5511999990007@c.us" } });
    const working = await waitFor(() => receiver.events("sm_qr", "session.status").find((e) => e.body.payload.status === "WORKING"), "WORKING event");
    expect(working.body.me).toMatchObject({ id: "5511999990007@c.us" });
  });

  it("answers QR and pairing-code requests in the wrong state with WAHA's 422s", async () => {
    expect(await sim.json("GET", "/api/sm_qr/auth/qr")).toEqual({
      status: 422,
      body: { error: "Session status is not as expected. Try again later or restart the session", session: "sm_qr", status: "WORKING", expected: ["SCAN_QR_CODE"] },
    });
    expect(await sim.json("GET", "/api/sm_unknown/auth/qr")).toEqual({ status: 422, body: { error: 'Session "sm_unknown" does not exist', session: "sm_unknown" } });
    expect(await sim.json("POST", "/api/sm_qr/auth/request-code", { phoneNumber: "1" })).toEqual({
      status: 422,
      body: { message: "Can request code only in SCAN_QR_CODE status. The current status is WORKING", error: "Unprocessable Entity", statusCode: 422 },
    });
    expect((await sim.json("POST", "/_sim/sessions/sm_qr/pair", {})).status).toBe(422);
  });

  it("flaps WORKING → STARTING → WORKING and fails on a phone-side logout", async () => {
    await sim.json("POST", "/_sim/sessions/sm_qr/disconnect", { mode: "flap" });
    await waitFor(() => receiver.statuses("sm_qr").slice(-2).join() === "STARTING,WORKING", "flap back to WORKING");
    await sim.json("POST", "/_sim/sessions/sm_qr/disconnect", { mode: "logout" });
    await waitFor(() => receiver.statuses("sm_qr").at(-1) === "FAILED", "FAILED after phone logout");
    expect((await sim.json("GET", "/_sim/sessions/sm_qr")).body).toMatchObject({ status: "FAILED", paired: false, me: null });
    await sim.json("POST", "/api/sessions/sm_qr/restart");
    await waitFor(async () => (await sim.json("GET", "/api/sessions/sm_qr")).body.status === "SCAN_QR_CODE", "new QR after restart");
  });

  it("never emits WORKING twice in a row", () => {
    const statuses = receiver.statuses("sm_qr");
    expect(statuses.some((s, i) => s === "WORKING" && statuses[i - 1] === "WORKING")).toBe(false);
  });
});
