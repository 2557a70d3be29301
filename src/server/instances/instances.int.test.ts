// The instance domain on the real PostgreSQL with the process runtime running the simulator.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { unseal } from "~/server/crypto";
import { db } from "~/server/db";
import { processFixture, runtimeAroundTests } from "~/server/waha/runtime/testing/runtime-fixtures";
import type { ProvisioningStep } from "~/server/waha/runtime/types";
import { ensureUserInstance } from "./ensure-user-instance";
import { reconcileInstances } from "./reconcile-instances";

const fixture = processFixture();
const portRange = { from: 23000, to: 23899 };
const runtime = runtimeAroundTests(fixture);

async function createUser(options: { withChip?: boolean } = {}) {
  const user = await db.user.create({
    data: { name: "Ana", email: `${randomUUID()}@example.test`, passwordHash: "not-a-real-hash" },
  });
  if (options.withChip) {
    await db.chip.create({ data: { userId: user.id, label: "Vendas", sessionName: `chip_${randomUUID()}`, fingerprint: {} } });
  }
  return user.id;
}

describe("ensureUserInstance", () => {
  it("creates the row with sealed secrets, records progress and returns a working connection", async () => {
    const userId = await createUser();
    const steps: ProvisioningStep[] = [];
    const conn = await ensureUserInstance({ userId, runtime: runtime(), portRange, onProgress: (e) => steps.push(e.step) });

    const row = await db.wahaInstance.findUniqueOrThrow({ where: { userId } });
    expect(row).toMatchObject({ id: conn.instanceId, runtime: "PROCESS", status: "READY", baseUrl: conn.baseUrl });
    expect(row.containerName).toBe(`waha_user_${userId}`);
    expect(row.hostPort).toBeGreaterThanOrEqual(portRange.from);
    expect(row.lastReadyAt).not.toBeNull();
    expect(row.apiKeyEncrypted).not.toContain(conn.apiKey);
    expect(unseal(row.apiKeyEncrypted)).toBe(conn.apiKey);
    expect(Buffer.from(conn.apiKey, "base64url").length).toBeGreaterThanOrEqual(32);
    expect(unseal(row.webhookSecretEncrypted)).toBe(conn.webhookSecret);
    expect(steps).toEqual(["creating", "starting", "waiting_ready", "ready"]);
    const res = await fetch(`${conn.baseUrl}/api/sessions`, { headers: { "X-Api-Key": conn.apiKey } });
    expect(res.status).toBe(200);
  });

  it("gives one row and one instance to concurrent ensures for one user", async () => {
    const userId = await createUser();
    const conns = await Promise.all([1, 2, 3].map(() => ensureUserInstance({ userId, runtime: runtime(), portRange })));
    expect(new Set(conns.map((c) => c.baseUrl)).size).toBe(1);
    expect(await db.wahaInstance.count({ where: { userId } })).toBe(1);
    expect((await runtime().list()).filter((i) => i.userId === userId)).toHaveLength(1);
  });

  it("gives concurrently provisioned users distinct recorded ports", async () => {
    const userIds = await Promise.all(Array.from({ length: 6 }, () => createUser()));
    await Promise.all(userIds.map((userId) => ensureUserInstance({ userId, runtime: runtime(), portRange })));
    const rows = await db.wahaInstance.findMany({ where: { userId: { in: userIds } } });
    expect(new Set(rows.map((r) => r.hostPort)).size).toBe(6);
  });

  it("refuses an unknown user", async () => {
    await expect(ensureUserInstance({ userId: randomUUID(), runtime: runtime(), portRange })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("reconcileInstances", () => {
  it("starts what users with chips need, records the rest and removes orphans", async () => {
    const crashed = await createUser({ withChip: true });
    await ensureUserInstance({ userId: crashed, runtime: runtime(), portRange });
    await fixture.killBehindOurBack(crashed);
    const idle = await createUser();
    await ensureUserInstance({ userId: idle, runtime: runtime(), portRange });
    await runtime().stop(idle);
    const newcomer = await createUser({ withChip: true });
    const gone = await createUser();
    await ensureUserInstance({ userId: gone, runtime: runtime(), portRange });
    await db.user.delete({ where: { id: gone } });

    await reconcileInstances({ runtime: runtime(), portRange });

    const status = async (userId: string) => (await db.wahaInstance.findUnique({ where: { userId } }))?.status;
    expect(await status(crashed)).toBe("READY");
    expect(await runtime().inspect(crashed)).toMatchObject({ state: "running" });
    expect(await status(idle)).toBe("STOPPED");
    expect(await status(newcomer)).toBe("READY");
    expect(await runtime().inspect(gone)).toBeNull();
  });
});
