// pruneWebhookEvents on the real database: only rows older than the cutoff go, whatever their instance.
import { describe, expect, it } from "vitest";
import { env } from "~/env";
import { db } from "~/server/db";
import { pruneWebhookEvents, webhookEventRetentionCutoff } from "./prune-webhook-events";
import { createTestInstance, createTestUser } from "./testing/chip-fixtures";

const DAY_MS = 24 * 60 * 60_000;

async function eventRow(instanceId: string, ageMs: number) {
  return db.webhookEvent.create({
    data: {
      id: `evt_${crypto.randomUUID()}`,
      instanceId,
      event: "session.status",
      session: "chip_x",
      receivedAt: new Date(Date.now() - ageMs),
    },
  });
}

describe("pruneWebhookEvents", () => {
  it("deletes the rows received before the cutoff and keeps the rest", async () => {
    const instances = await Promise.all([1, 2].map(async () => createTestInstance((await createTestUser()).id)));
    const old = await Promise.all(instances.map((i) => eventRow(i.id, 8 * DAY_MS)));
    const recent = await Promise.all(instances.map((i) => eventRow(i.id, 6 * DAY_MS)));
    const fresh = await eventRow(instances[0]!.id, 1_000);

    const { deleted } = await pruneWebhookEvents({ olderThan: webhookEventRetentionCutoff() });

    expect(deleted).toBe(old.length);
    const left = await db.webhookEvent.findMany({ select: { id: true } });
    expect(left.map((r) => r.id).sort()).toEqual([...recent, fresh].map((r) => r.id).sort());
    expect(await pruneWebhookEvents({ olderThan: webhookEventRetentionCutoff() })).toEqual({ deleted: 0 });
  });

  it("keeps rows far longer than the webhook tolerance, which is when redeliveries stop being accepted", () => {
    const now = Date.now();
    const toleranceMs = env.WEBHOOK_TOLERANCE_SECONDS * 1000;
    expect(now - webhookEventRetentionCutoff(now).getTime()).toBeGreaterThanOrEqual(100 * toleranceMs);
  });
});
