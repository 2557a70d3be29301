import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unseal } from "~/server/crypto";
import { db } from "~/server/db";
import { assignProxy, releaseProxy, rotateProxy } from "./assign-proxy";
import { checkProxy } from "./check-proxy";
import { proxyConfigFor } from "./proxy-config";
import { getProxyQuota } from "./proxy-quota";
import { createChips, createUser, testSettings } from "./testing/fixtures";
import { type LocalProxy, startLocalProxy } from "./testing/local-proxy";
import { type ProbeTarget, startProbeTarget } from "./testing/probe-target";

const GATEWAY_USER = "acme-account";
const GATEWAY_PASSWORD = "gw-Secret-9137";
let gateway: LocalProxy;
let probe: ProbeTarget;
let settings: ReturnType<typeof testSettings>;

beforeAll(async () => {
  gateway = await startLocalProxy({ username: GATEWAY_USER, password: GATEWAY_PASSWORD });
  probe = await startProbeTarget();
  settings = testSettings({
    gateway: { host: gateway.host, port: gateway.port, username: GATEWAY_USER, password: GATEWAY_PASSWORD, country: "br" },
    checkTarget: probe.target,
  });
});
afterAll(async () => {
  await gateway.stop();
  await probe.stop();
});

const USERNAME_FORMAT = /^acme-account_session-[a-z0-9]{12}$/;

describe("assignProxy on the gateway", () => {
  it("reaches the gateway with exactly `${user}_session-${id}` and the sealed password", async () => {
    const userId = await createUser();
    const [chipId] = await createChips(userId, 1);
    const assignment = (await assignProxy({ userId, chipId: chipId!, settings }))!;
    expect(assignment).toMatchObject({ kind: "GATEWAY", chipId, country: "br", host: "127.0.0.1", port: gateway.port });
    expect(assignment.username).toBe(`${GATEWAY_USER}_session-${assignment.sessionId}`);
    expect(assignment.username).toMatch(USERNAME_FORMAT);
    expect(assignment.passwordEncrypted).not.toContain(GATEWAY_PASSWORD);
    expect(unseal(assignment.passwordEncrypted)).toBe(GATEWAY_PASSWORD);

    const { result } = await checkProxy({ assignmentId: assignment.id, settings });
    expect(result.ok).toBe(true);
    expect(gateway.connects.at(-1)).toBe(assignment.username);
  });

  it("builds WAHA's config.proxy from the assignment", async () => {
    const userId = await createUser();
    const [chipId] = await createChips(userId, 1);
    const assignment = (await assignProxy({ userId, chipId: chipId!, settings }))!;
    expect(proxyConfigFor(assignment)).toEqual({
      server: `127.0.0.1:${gateway.port}`,
      username: assignment.username,
      password: GATEWAY_PASSWORD,
    });
  });

  it("gives 1,000 chips 1,000 distinct sticky sessions", { timeout: 180_000 }, async () => {
    const userId = await createUser(1_000);
    const chips = await createChips(userId, 1_000);
    const assigned: string[] = [];
    // Ten at a time: enough overlap to exercise the locks without queueing a thousand transactions.
    for (let i = 0; i < chips.length; i += 10) {
      const batch = await Promise.all(chips.slice(i, i + 10).map((chipId) => assignProxy({ userId, chipId, settings })));
      assigned.push(...batch.map((a) => a!.username));
    }
    expect(assigned).toHaveLength(1_000);
    expect(new Set(assigned).size).toBe(1_000);
    for (const username of assigned) expect(username).toMatch(USERNAME_FORMAT);
    expect(await getProxyQuota({ userId, settings })).toEqual({ used: 1_000, limit: 1_000 });
  });

  it("holds the quota under 50 simultaneous assignments: exactly 10 exits, 40 clear refusals", async () => {
    const userId = await createUser(10);
    const chips = await createChips(userId, 50);
    const outcomes = await Promise.allSettled(chips.map((chipId) => assignProxy({ userId, chipId, settings })));
    const granted = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
    expect(granted).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const err of refused) expect(err).toMatchObject({ name: "AppError", code: "CONFLICT", message: "proxy_quota_exceeded" });
    expect(await db.proxyAssignment.count({ where: { userId, releasedAt: null } })).toBe(10);
    expect(await getProxyQuota({ userId, settings })).toEqual({ used: 10, limit: 10 });
  });

  it("holds the quota when each caller inserts its chip first in the same transaction, as chip creation does", async () => {
    const userId = await createUser(10);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        db.$transaction(
          async (tx) => {
            const chipId = randomUUID();
            await tx.chip.create({ data: { id: chipId, userId, label: "c", sessionName: `chip_${chipId}`, fingerprint: {} } });
            return assignProxy({ userId, chipId, tx, settings });
          },
          { maxWait: 30_000, timeout: 30_000 },
        ),
      ),
    );
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(10);
    for (const err of refused) expect(err).toMatchObject({ code: "CONFLICT", message: "proxy_quota_exceeded" });
    expect(refused).toHaveLength(40);
    // A refusal rolls its chip back with it.
    expect(await db.chip.count({ where: { userId } })).toBe(10);
  });

  it("uses the default quota unless the user has an override", async () => {
    const userId = await createUser();
    const chips = await createChips(userId, 3);
    const small = { ...settings, quotaDefault: 2 };
    await assignProxy({ userId, chipId: chips[0]!, settings: small });
    await assignProxy({ userId, chipId: chips[1]!, settings: small });
    await expect(assignProxy({ userId, chipId: chips[2]!, settings: small })).rejects.toMatchObject({ message: "proxy_quota_exceeded" });
    await db.user.update({ where: { id: userId }, data: { proxyQuota: 3 } });
    await expect(assignProxy({ userId, chipId: chips[2]!, settings: small })).resolves.toMatchObject({ chipId: chips[2] });
  });

  it("keeps a chip on its exit when asked twice, without spending quota", async () => {
    const userId = await createUser(1);
    const [chipId] = await createChips(userId, 1);
    const first = await assignProxy({ userId, chipId: chipId!, settings });
    const again = await assignProxy({ userId, chipId: chipId!, settings });
    expect(again!.id).toBe(first!.id);
  });

  it("frees the slot on release, keeping the row for history", async () => {
    const userId = await createUser(1);
    const [a, b] = await createChips(userId, 2);
    const first = (await assignProxy({ userId, chipId: a!, settings }))!;
    await releaseProxy({ chipId: a! });
    const released = await db.proxyAssignment.findUniqueOrThrow({ where: { id: first.id } });
    expect(released).toMatchObject({ chipId: null, sessionId: first.sessionId });
    expect(released.releasedAt).toBeInstanceOf(Date);
    await expect(assignProxy({ userId, chipId: b!, settings })).resolves.toMatchObject({ chipId: b });
  });

  it("rotates to a new sticky session without using more quota", async () => {
    const userId = await createUser(1);
    const [chipId] = await createChips(userId, 1);
    const before = (await assignProxy({ userId, chipId: chipId!, settings }))!;
    const after = await rotateProxy({ userId, chipId: chipId!, settings });
    expect(after.sessionId).not.toBe(before.sessionId);
    expect(after.username).toMatch(USERNAME_FORMAT);
    expect(after.health).toBe("UNKNOWN");
    expect(await getProxyQuota({ userId, settings })).toEqual({ used: 1, limit: 1 });
    expect((await db.proxyAssignment.findUniqueOrThrow({ where: { id: before.id } })).chipId).toBeNull();
  });

  it("refuses another user's chip", async () => {
    const owner = await createUser();
    const stranger = await createUser();
    const [chipId] = await createChips(owner, 1);
    await expect(assignProxy({ userId: stranger, chipId: chipId!, settings })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await assignProxy({ userId: owner, chipId: chipId!, settings });
    await expect(rotateProxy({ userId: stranger, chipId: chipId!, settings })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("assigns nothing when no provider is configured", async () => {
    const userId = await createUser();
    const [chipId] = await createChips(userId, 1);
    await expect(assignProxy({ userId, chipId: chipId!, settings: testSettings() })).resolves.toBeNull();
  });
});

describe("fixed proxies", () => {
  const fixed = [
    { host: "127.0.0.1", port: 41001, username: "fx-a", password: "pw-a" },
    { host: "127.0.0.1", port: 41002, username: "fx-b", password: "pw-b" },
  ];
  const fixedOnly = () => testSettings({ fixed, quotaDefault: 5 });

  it("gives each chip its own fixed proxy, across users, and refuses when the list is used up", async () => {
    const [ana, bia] = [await createUser(), await createUser()];
    const [anaChip] = await createChips(ana, 1);
    const biaChips = await createChips(bia, 2);
    const outcomes = await Promise.allSettled([
      assignProxy({ userId: ana, chipId: anaChip!, settings: fixedOnly() }),
      ...biaChips.map((chipId) => assignProxy({ userId: bia, chipId, settings: fixedOnly() })),
    ]);
    const ports = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value!.port] : []));
    expect(ports.sort()).toEqual([41001, 41002]);
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
    expect(refused).toEqual([expect.objectContaining({ code: "CONFLICT", message: "proxy_pool_exhausted" })]);
    await db.proxyAssignment.updateMany({ where: { userId: { in: [ana, bia] } }, data: { chipId: null, releasedAt: new Date() } });
  });

  it("rotates to the next free fixed proxy, then to the gateway when none is left", async () => {
    const userId = await createUser();
    const [chipId, other] = await createChips(userId, 2);
    const mixed = testSettings({ fixed, gateway: settings.gateway });
    const first = (await assignProxy({ userId, chipId: chipId!, settings: mixed }))!;
    expect(first).toMatchObject({ kind: "FIXED", port: 41001, sessionId: null });
    const second = await rotateProxy({ userId, chipId: chipId!, settings: mixed });
    expect(second).toMatchObject({ kind: "FIXED", port: 41002 });
    await expect(assignProxy({ userId, chipId: other!, settings: mixed })).resolves.toMatchObject({ port: 41001 });
    const third = await rotateProxy({ userId, chipId: chipId!, settings: mixed });
    expect(third).toMatchObject({ kind: "GATEWAY" });
    expect(third.username).toMatch(USERNAME_FORMAT);
    await db.proxyAssignment.updateMany({ where: { userId }, data: { chipId: null, releasedAt: new Date() } });
  });

  it("walks the list in turn rather than bouncing between two entries", async () => {
    const userId = await createUser();
    const [chipId] = await createChips(userId, 1);
    const three = testSettings({ fixed: [...fixed, { host: "127.0.0.1", port: 41003, username: "fx-c", password: "pw-c" }] });
    await assignProxy({ userId, chipId: chipId!, settings: three });
    const ports = [];
    for (let i = 0; i < 3; i++) ports.push((await rotateProxy({ userId, chipId: chipId!, settings: three })).port);
    expect(ports).toEqual([41002, 41003, 41001]);
    await releaseProxy({ chipId: chipId! });
  });
});
