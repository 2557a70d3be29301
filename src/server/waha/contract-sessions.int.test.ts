import { describe, expect, it } from "vitest";
import { isWahaError } from "./errors";
import type { SessionConfig } from "./schemas";
import { uniqueSessionName } from "./testing/contract-fixture";
import { contractSimulatorForFile } from "./testing/contract-suite";

const sim = contractSimulatorForFile();

const config: SessionConfig = {
  metadata: { "user.id": "u-1", "chip.id": "c-1" },
  proxy: { server: "127.0.0.1:1", username: "proxy-user", password: "proxy-pass" },
  webhooks: [
    {
      url: "http://127.0.0.1:9/hooks/waha",
      events: ["session.status", "message"],
      hmac: { key: "hmac-key" },
      retries: { attempts: 2, delaySeconds: 1, policy: "constant" },
      customHeaders: [{ name: "X-Chip", value: "c-1" }],
    },
  ],
  client: { deviceName: "Galaxy S23", browserName: "Chrome" },
};

describe("[WAHA contract] session lifecycle", () => {
  it("creates a stopped session with an explicit start:false and echoes its config", async () => {
    const { client } = sim();
    const name = uniqueSessionName();
    const created = await client.createSession({ name, start: false, config });
    expect(created).toMatchObject({ name, status: "STOPPED", me: null, config });
    expect(await client.getSession(name)).toMatchObject({ name, status: "STOPPED", config });
  });

  it("leaves a session created without `start` stopped, and starts one created with start:true", async () => {
    const { client, raw } = sim();
    const omitted = uniqueSessionName();
    const answer = await raw("POST", "/api/sessions", { body: { name: omitted } });
    expect(answer).toMatchObject({ status: 201, json: { name: omitted, status: "STOPPED" } });

    const started = uniqueSessionName();
    expect(await client.createSession({ name: started, start: true })).toMatchObject({ status: "STARTING" });
    await sim().waitForStatus(started, "SCAN_QR_CODE");
  });

  it("lists stopped sessions only with all=true", async () => {
    const { client } = sim();
    const stopped = uniqueSessionName();
    const running = uniqueSessionName();
    await client.createSession({ name: stopped, start: false });
    await client.createSession({ name: running, start: true });
    const visible = (await client.listSessions()).map((s) => s.name);
    const all = (await client.listSessions({ all: true })).map((s) => s.name);
    expect(visible).toContain(running);
    expect(visible).not.toContain(stopped);
    expect(all).toEqual(expect.arrayContaining([running, stopped]));
  });

  it("starts, stops (idempotently) and restarts", async () => {
    const { client, waitForStatus } = sim();
    const name = uniqueSessionName();
    await client.createSession({ name, start: false });
    expect(await client.startSession(name)).toMatchObject({ name, status: "STARTING" });
    await waitForStatus(name, "SCAN_QR_CODE");
    expect(await client.stopSession(name)).toMatchObject({ name, status: "STOPPED" });
    expect(await client.stopSession(name)).toMatchObject({ name, status: "STOPPED" });
    expect(await client.stopSession(uniqueSessionName())).toBeNull();
    expect(await client.restartSession(name)).toMatchObject({ name, status: "STARTING" });
    await waitForStatus(name, "SCAN_QR_CODE");
  });

  it("replaces the config with PUT and restarts a running session", async () => {
    const { client, waitForStatus } = sim();
    const name = uniqueSessionName();
    await client.createSession({ name, start: true, config: { metadata: { "chip.id": "old" } } });
    await waitForStatus(name, "SCAN_QR_CODE");
    const updated = await client.updateSession(name, { config: { metadata: { "chip.id": "new" }, client: config.client } });
    expect(updated).toMatchObject({ name, config: { metadata: { "chip.id": "new" }, client: config.client } });
    expect(updated.config?.proxy ?? null).toBeNull();
    expect(["STARTING", "SCAN_QR_CODE"]).toContain(updated.status);
    await waitForStatus(name, "SCAN_QR_CODE");
  });

  it("pairs through the control API, reports me, and logs out back to a fresh QR", async () => {
    const { client, control, waitForStatus } = sim();
    const name = uniqueSessionName();
    await client.createSession({ name, start: true });
    await waitForStatus(name, "SCAN_QR_CODE");
    expect(await client.getMe(name)).toBeNull();

    await control("POST", `/sessions/${name}/pair`, { phone: "5511987654321", pushName: "Loja Centro" });
    await waitForStatus(name, "WORKING");
    const me = { id: "5511987654321@c.us", pushName: "Loja Centro" };
    expect(await client.getMe(name)).toMatchObject(me);
    expect(await client.getSession(name)).toMatchObject({ status: "WORKING", me, presence: "online" });

    // Stored auth: a restart goes straight back to WORKING without a QR.
    await client.restartSession(name);
    await waitForStatus(name, "WORKING");

    expect(await client.logoutSession(name)).toMatchObject({ name });
    await waitForStatus(name, "SCAN_QR_CODE");
    expect(await client.getMe(name)).toBeNull();
  });

  it("deletes idempotently; the session is gone afterwards", async () => {
    const { client } = sim();
    const name = uniqueSessionName();
    await client.createSession({ name, start: true });
    await expect(client.deleteSession(name)).resolves.toBeUndefined();
    await expect(client.deleteSession(name)).resolves.toBeUndefined();
    const err = await client.getSession(name).catch((e: unknown) => e);
    expect(isWahaError(err, "not_found")).toBe(true);
  });
});
