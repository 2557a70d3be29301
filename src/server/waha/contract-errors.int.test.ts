import { describe, expect, it } from "vitest";
import { uniqueSessionName } from "./testing/contract-fixture";
import { contractSimulatorForFile } from "./testing/contract-suite";
import { wahaFailure } from "./testing/waha-failure";

// Time scale 0.01 keeps WAHA's status-pipe waits (5 s + 10 s) short.
const sim = contractSimulatorForFile({ timeScale: 0.01 });

async function workingSession() {
  const { client, control, waitForStatus } = sim();
  const name = uniqueSessionName();
  await client.createSession({ name, start: true });
  await waitForStatus(name, "SCAN_QR_CODE");
  await control("POST", `/sessions/${name}/pair`);
  await waitForStatus(name, "WORKING");
  return name;
}

describe("[WAHA contract] error bodies (CONTRACT.md §8)", () => {
  it("401 for a wrong key, without leaking it", async () => {
    const wrongKey = "wrong-key-0123456789abcdef0123456789";
    const err = await wahaFailure(sim().clientWithKey(wrongKey).listSessions());
    expect(err).toMatchObject({ kind: "unauthorized", code: "UPSTREAM_UNAVAILABLE", status: 401 });
    expect(err.body).toEqual({ message: "Unauthorized", statusCode: 401 });
    expect(err.message).toBe("[WAHA] GET /api/sessions 401: Unauthorized");
    expect(JSON.stringify({ ...err, message: err.message })).not.toContain(wrongKey);
  });

  it("404 for an unknown session", async () => {
    const name = uniqueSessionName();
    const err = await wahaFailure(sim().client.getSession(name));
    expect(err).toMatchObject({ kind: "not_found", code: "NOT_FOUND", status: 404 });
    expect(err.body).toEqual({ message: "Session not found", error: "Not Found", statusCode: 404 });
    expect(err.message).toBe(`[WAHA] GET /api/sessions/${name} 404: Session not found`);
    for (const action of [sim().client.startSession, sim().client.restartSession, sim().client.logoutSession]) {
      expect((await wahaFailure(action(name))).body).toEqual({ message: "Session not found", error: "Not Found", statusCode: 404 });
    }
  });

  it("404 for me and request-code on a stopped session", async () => {
    const { client } = sim();
    const name = uniqueSessionName();
    await client.createSession({ name, start: false });
    const body = {
      message: `We didn't find a session with name '${name}'.\nPlease start it first by using POST /api/sessions/${name}/start request`,
      error: "Not Found",
      statusCode: 404,
    };
    expect((await wahaFailure(client.getMe(name))).body).toEqual(body);
    expect((await wahaFailure(client.requestPairingCode(name, "5511900000000"))).body).toEqual(body);
  });

  it("422 for a duplicate name", async () => {
    const { client } = sim();
    const name = uniqueSessionName();
    await client.createSession({ name, start: false });
    const err = await wahaFailure(client.createSession({ name, start: false }));
    expect(err).toMatchObject({ kind: "already_exists", code: "CONFLICT", status: 422 });
    expect(err.body).toEqual({
      message: `Session '${name}' already exists. Use PUT to update it.`,
      error: "Unprocessable Entity",
      statusCode: 422,
    });
    expect(err.message).toBe(`[WAHA] POST /api/sessions 422: Session '${name}' already exists. Use PUT to update it.`);
  });

  it("400 with the validation messages of §2", async () => {
    const { client } = sim();
    const config = {
      metadata: { "chip.id": 7 },
      proxy: { username: "u" },
      webhooks: [{ url: "not a url", events: ["session.status"] }],
    } as unknown as Parameters<typeof client.createSession>[0]["config"];
    const err = await wahaFailure(client.createSession({ name: uniqueSessionName(), start: false, config }));
    const messages = [
      "config.metadata accepts string key-value pairs only",
      "config.proxy.server must be a string",
      "config.webhooks.0.url must be a URL address",
    ];
    expect(err).toMatchObject({ kind: "invalid_input", code: "BAD_REQUEST", status: 400 });
    expect(err.messages.toSorted()).toEqual(messages.toSorted());
    expect(err.body).toEqual({ message: err.messages, error: "Bad Request", statusCode: 400 });
  });

  it("422 raw objects when the QR is asked for in the wrong state", async () => {
    const { client } = sim();
    const working = await workingSession();
    const mismatch = await wahaFailure(client.getQrRaw(working));
    expect(mismatch).toMatchObject({ kind: "unprocessable", code: "CONFLICT", status: 422 });
    expect(mismatch.body).toEqual({
      error: "Session status is not as expected. Try again later or restart the session",
      session: working,
      status: "WORKING",
      expected: ["SCAN_QR_CODE"],
    });

    const stopped = uniqueSessionName();
    await client.createSession({ name: stopped, start: false });
    expect((await wahaFailure(client.getQrImage(stopped))).body).toMatchObject({ status: "STOPPED", expected: ["SCAN_QR_CODE"] });

    const unknown = uniqueSessionName();
    expect((await wahaFailure(client.getQrRaw(unknown))).body).toEqual({ error: `Session "${unknown}" does not exist`, session: unknown });
  });

  it("422 for a pairing code outside SCAN_QR_CODE", async () => {
    const name = await workingSession();
    const err = await wahaFailure(sim().client.requestPairingCode(name, "5511900000000"));
    expect(err).toMatchObject({ kind: "unprocessable", status: 422 });
    expect(err.body).toEqual({
      message: "Can request code only in SCAN_QR_CODE status. The current status is WORKING",
      error: "Unprocessable Entity",
      statusCode: 422,
    });
  });

  it("422 when sending from a session that is not WORKING", async () => {
    const { client } = sim();
    const name = uniqueSessionName();
    await client.createSession({ name, start: false });
    const err = await wahaFailure(client.sendText({ session: name, chatId: "5511900000000@c.us", text: "oi" }));
    expect(err).toMatchObject({ kind: "unprocessable", status: 422 });
    expect(err.body).toEqual({
      error: "Session status is not as expected. Try again later or restart the session",
      session: name,
      status: "STOPPED",
      expected: ["WORKING"],
    });
  });
});
