// WebhookEvent rows exist only to apply a redelivered event once. A redelivery whose signed timestamp is older than
// the webhook tolerance is refused before dedupe, so rows older than that guard nothing; a wide margin keeps them
// for looking into incidents.
import { env } from "~/env";
import { db } from "~/server/db";

const RETENTION_MS = 7 * 24 * 60 * 60_000;

export type PruneWebhookEventsOptions = { olderThan: Date };

export async function pruneWebhookEvents({ olderThan }: PruneWebhookEventsOptions): Promise<{ deleted: number }> {
  const { count } = await db.webhookEvent.deleteMany({ where: { receivedAt: { lt: olderThan } } });
  return { deleted: count };
}

/** Seven days back, and never closer than twice the webhook tolerance (should that be set very high). */
export function webhookEventRetentionCutoff(now = Date.now()): Date {
  return new Date(now - Math.max(RETENTION_MS, 2 * env.WEBHOOK_TOLERANCE_SECONDS * 1000));
}
