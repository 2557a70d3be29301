import { Server as ProxyServer } from "proxy-chain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSimulator, type TestSimulator } from "./support/sim";
import { startReceiver } from "./support/receiver";
import { waitFor } from "./support/wait";

let sim: TestSimulator;
let proxy: ProxyServer;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const connects: { username: string; hostname: string; port: number; isHttp: boolean }[] = [];

beforeAll(async () => {
  proxy = new ProxyServer({
    port: 0,
    host: "127.0.0.1",
    verbose: false,
    prepareRequestFunction: ({ username, password, hostname, port, isHttp }) => {
      connects.push({ username, hostname, port, isHttp });
      return { requestAuthentication: username !== "chip-user" || password !== "chip-pass" };
    },
  });
  await proxy.listen();
  sim = await startTestSimulator();
  receiver = await startReceiver();
});
afterAll(async () => {
  await sim.stop();
  await proxy.close(true);
  await receiver.close();
});

const createWithProxy = (name: string, password: string) =>
  sim.json("POST", "/api/sessions", {
    name,
    start: true,
    config: { proxy: { server: `127.0.0.1:${proxy.port}`, username: "chip-user", password }, webhooks: [{ url: receiver.url, events: ["session.status"] }] },
  });

describe("proxy honesty", () => {
  it("tunnels through the proxy with the right credentials before showing a QR", async () => {
    await createWithProxy("px_ok", "chip-pass");
    await waitFor(async () => (await sim.json("GET", "/api/sessions/px_ok")).body.status === "SCAN_QR_CODE", "QR via proxy");
    expect(connects.some((c) => !c.isHttp && c.username === "chip-user" && c.port === sim.port)).toBe(true);
    const state = (await sim.json("GET", "/_sim/sessions/px_ok")).body;
    expect(state.proxyCheck).toMatchObject({ proxy: `127.0.0.1:${proxy.port}`, ok: true, reason: null });
    expect(state.proxyCheck.remoteAddress).toMatch(/127\.0\.0\.1/);
  });

  it("fails the session with a clear reason when the proxy rejects the credentials", async () => {
    await createWithProxy("px_bad", "wrong-pass");
    const failed = await waitFor(() => receiver.events("px_bad", "session.status").find((e) => e.body.payload.status === "FAILED"), "FAILED event");
    expect(failed.body.payload.data.reason).toMatch(/407/);
    expect(failed.body.payload.data.reason).not.toContain("wrong-pass");
    expect(receiver.statuses("px_bad")).not.toContain("SCAN_QR_CODE");
    expect((await sim.json("GET", "/_sim/sessions/px_bad")).body.failureReason).toMatch(/proxy authentication rejected/);
  });

  it("fails when the proxy is unreachable", async () => {
    await sim.json("POST", "/api/sessions", { name: "px_down", start: true, config: { proxy: { server: "127.0.0.1:1" } } });
    await waitFor(async () => (await sim.json("GET", "/api/sessions/px_down")).body.status === "FAILED", "FAILED");
    expect((await sim.json("GET", "/_sim/sessions/px_down")).body.failureReason).toMatch(/cannot reach proxy \(ECONNREFUSED\)/);
  });
});
