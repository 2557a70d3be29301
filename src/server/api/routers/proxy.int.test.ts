// The proxy procedures as a signed-in user calls them: every answer is free of credentials.
import { afterAll, describe, expect, it } from "vitest";
import { startLocalProxy } from "~/server/proxies/testing/local-proxy";
import { startProbeTarget } from "~/server/proxies/testing/probe-target";

const GATEWAY_PASSWORD = "gw-Secret-3058";
const gateway = await startLocalProxy({ username: "acme-account", password: GATEWAY_PASSWORD });
const probe = await startProbeTarget();
const saved = { ...process.env };
Object.assign(process.env, {
  PROXY_GATEWAY_HOST: gateway.host,
  PROXY_GATEWAY_PORT: String(gateway.port),
  PROXY_GATEWAY_USERNAME: "acme-account",
  PROXY_GATEWAY_PASSWORD: GATEWAY_PASSWORD,
  PROXY_CHECK_TARGET: `${probe.target.host}:${probe.target.port}`,
  PROXY_QUOTA_DEFAULT: "3",
});

const { db } = await import("~/server/db");
const { createCaller } = await import("../root");
const { assignChipProxy } = await import("~/server/proxies");
const { createChips, createUser } = await import("~/server/proxies/testing/fixtures");

afterAll(async () => {
  await gateway.stop();
  await probe.stop();
  process.env = saved;
});

const callerFor = (userId: string) =>
  createCaller({ session: { user: { id: userId }, expires: "2099-01-01T00:00:00.000Z" }, headers: new Headers() } as never);

describe("proxy router", () => {
  it("shows, checks and rotates a chip's exit and the quota, never with credentials", async () => {
    const userId = await createUser();
    const [chipId] = await createChips(userId, 1);
    // A chip that never reached WAHA: rotation only moves the database.
    await db.chip.update({ where: { id: chipId! }, data: { status: "CREATING" } });
    const assignment = (await assignChipProxy({ userId, chipId: chipId! }))!;
    const api = callerFor(userId);

    const shown = await api.proxy.get({ chipId: chipId! });
    const checked = await api.proxy.check({ chipId: chipId! });
    const rotated = await api.proxy.rotate({ chipId: chipId! });
    const quota = await api.proxy.quota();

    expect(shown).toMatchObject({ kind: "GATEWAY", health: "UNKNOWN", server: `127.0.0.1:${gateway.port}` });
    expect(checked).toMatchObject({ health: "HEALTHY", exitSeen: "127.0.0.1" });
    expect(rotated.id).not.toBe(assignment.id);
    expect(quota).toEqual({ used: 1, limit: 3 });
    const text = JSON.stringify([shown, checked, rotated, quota]);
    expect(text).not.toContain(GATEWAY_PASSWORD);
    expect(text).not.toContain("acme-account");
    expect(text).not.toContain("v1.");
  });

  it("answers NOT_FOUND for another user's chip", async () => {
    const owner = await createUser();
    const [chipId] = await createChips(owner, 1);
    await assignChipProxy({ userId: owner, chipId: chipId! });
    const stranger = callerFor(await createUser());
    await expect(stranger.proxy.get({ chipId: chipId! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(stranger.proxy.rotate({ chipId: chipId! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(stranger.proxy.check({ chipId: chipId! })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
