// Rotation end to end: a paired chip on the simulator moves to a new sticky session through a real credentialed
// proxy and comes back WORKING without a new QR. Settings come from the environment, as in production.
import { afterAll, describe, expect, it } from "vitest";
import { eventually } from "~/test/eventually";
import { startLocalProxy } from "~/server/proxies/testing/local-proxy";
import { startProbeTarget } from "~/server/proxies/testing/probe-target";
import { startChipSimulator } from "./testing/chip-simulator";

const GATEWAY_USER = "acme-account";
const GATEWAY_PASSWORD = "gw-Secret-6620";
const gateway = await startLocalProxy({ username: GATEWAY_USER, password: GATEWAY_PASSWORD });
const probe = await startProbeTarget();
const simulator = await startChipSimulator({
  name: "proxies",
  portRange: "22700-22799",
  settings: {
    PROXY_GATEWAY_HOST: gateway.host,
    PROXY_GATEWAY_PORT: String(gateway.port),
    PROXY_GATEWAY_USERNAME: GATEWAY_USER,
    PROXY_GATEWAY_PASSWORD: GATEWAY_PASSWORD,
    PROXY_CHECK_TARGET: `${probe.target.host}:${probe.target.port}`,
    PROXY_QUOTA_DEFAULT: "2",
  },
});

const { db } = await import("~/server/db");
const { createChip, rotateChipProxy } = await import("~/server/chips");
const { createTestUser } = await import("./testing/chip-fixtures");
const { simulatorCall } = await import("./testing/simulated-chips");
const { assignChipProxy, checkChipProxy, getChipProxy, releaseChipProxy } = await import("~/server/proxies");

const userIds: string[] = [];
afterAll(async () => {
  await simulator.stop(userIds);
  await gateway.stop();
  await probe.stop();
}, 60_000);

const sim = async (instanceId: string, method: string, path: string, body?: unknown) =>
  (await simulatorCall(instanceId, method, path, body)).json;

const chipRow = (id: string) => db.chip.findUniqueOrThrow({ where: { id } });

describe("rotateChipProxy on the simulator", () => {
  it("moves a paired chip to a new sticky session and it comes back WORKING without a QR", async () => {
    const user = await createTestUser();
    userIds.push(user.id);
    const chip = await createChip({ userId: user.id, label: "Rotating" });
    await eventually(async () => (await chipRow(chip.id)).status === "SCAN_QR_CODE", "QR");
    const { instanceId, sessionName } = await chipRow(chip.id);
    await sim(instanceId!, "POST", `/_sim/sessions/${sessionName}/pair`, { phone: "5511900001111" });
    await eventually(async () => (await chipRow(chip.id)).status === "WORKING", "paired");

    const first = (await assignChipProxy({ userId: user.id, chipId: chip.id }))!;
    const view = await rotateChipProxy({ userId: user.id, chipId: chip.id });
    const current = await db.proxyAssignment.findUniqueOrThrow({ where: { chipId: chip.id } });
    expect(current.sessionId).not.toBe(first.sessionId);
    expect(current.username).toBe(`${GATEWAY_USER}_session-${current.sessionId}`);

    // WAHA restarted the session through the new exit and, with its saved auth, skipped the QR.
    await eventually(async () => gateway.connects.includes(current.username), "a CONNECT with the new session");
    const state = await eventually(async () => {
      const s = await sim(instanceId!, "GET", `/_sim/sessions/${sessionName}`);
      return s?.status === "WORKING" && (s.proxyCheck as { ok?: boolean } | null)?.ok ? s : null;
    }, "WORKING through the proxy");
    expect(state.statuses).not.toContainEqual(expect.objectContaining({ status: "SCAN_QR_CODE" }));
    expect(state.me).toMatchObject({ id: "5511900001111@c.us" });
    await eventually(async () => (await chipRow(chip.id)).status === "WORKING", "the chip row WORKING again");

    const session = await sim(instanceId!, "GET", `/api/sessions/${sessionName}`);
    expect((session?.config as { proxy: unknown }).proxy).toEqual({
      server: `127.0.0.1:${gateway.port}`,
      username: current.username,
      password: GATEWAY_PASSWORD,
    });
    // The session kept its webhook and identity: only the exit changed.
    expect((session?.config as { metadata: Record<string, string> }).metadata["whago.chip_id"]).toBe(chip.id);

    for (const answer of [view, await getChipProxy({ userId: user.id, chipId: chip.id }), await checkChipProxy({ userId: user.id, chipId: chip.id })]) {
      const text = JSON.stringify(answer);
      expect(text).not.toContain(GATEWAY_PASSWORD);
      expect(text).not.toContain(current.username);
    }

    await releaseChipProxy({ chipId: chip.id });
    expect(await getChipProxy({ userId: user.id, chipId: chip.id })).toBeNull();
  });

  it("refuses to rotate another user's chip", async () => {
    const owner = await createTestUser();
    const stranger = await createTestUser();
    const chip = await db.chip.create({
      data: { userId: owner.id, label: "x", sessionName: `chip_${crypto.randomUUID()}`, fingerprint: {}, status: "STOPPED" },
    });
    await assignChipProxy({ userId: owner.id, chipId: chip.id });
    await expect(rotateChipProxy({ userId: stranger.id, chipId: chip.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getChipProxy({ userId: stranger.id, chipId: chip.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
