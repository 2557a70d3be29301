// Catches chips up with WAHA after missed webhooks (whago down longer than the webhook tolerance, deliveries given
// up): each READY instance is asked for its sessions, and a chip whose status differs gets WAHA's through the same
// rule a webhook uses. The change is stamped with the moment WAHA was asked, so a webhook about anything later still
// wins, and a status whago set itself after that moment (its clock runs ahead of WAHA's) is left alone.
import { db } from "~/server/db";
import { applySessionStatus, chipStatusOf } from "./apply-waha-event";
import { toChipInstance, wahaClientFor } from "./chip-instance";
import { forgetChipQr } from "./chip-qr";
import { publishChipView } from "./chip-status";

export type SyncChipStatusesResult = { instances: number; changed: number; failedInstances: number };

type InstanceRow = Parameters<typeof toChipInstance>[0];

export async function syncChipStatuses(): Promise<SyncChipStatusesResult> {
  const instances = await db.wahaInstance.findMany({ where: { status: "READY" } });
  const result: SyncChipStatusesResult = { instances: instances.length, changed: 0, failedInstances: 0 };
  for (const instance of instances) {
    try {
      result.changed += await syncInstance(instance);
    } catch (err) {
      // One unreachable WAHA must not keep the others stale; the next pass tries it again.
      result.failedInstances++;
      console.error("[chips] status sync failed for instance", instance.id, err instanceof Error ? err.message : err);
    }
  }
  return result;
}

async function syncInstance(row: InstanceRow): Promise<number> {
  const instance = toChipInstance(row);
  if (!instance) return 0;
  const observedAt = Date.now();
  const sessions = await wahaClientFor(instance).listSessions({ all: true });
  const byName = new Map(sessions.map((session) => [session.name, session]));
  // CREATING chips belong to provisioning, which sets their status itself.
  const chips = await db.chip.findMany({
    where: { instanceId: instance.id, status: { notIn: ["DELETED", "CREATING"] }, sessionName: { in: [...byName.keys()] } },
    select: { id: true, userId: true, sessionName: true, status: true },
  });
  let changed = 0;
  for (const chip of chips) {
    const session = byName.get(chip.sessionName)!;
    if (chip.status === chipStatusOf(session.status)) continue;
    const applied = await applySessionStatus(db, chip, { status: session.status, at: observedAt, me: session.me });
    if (applied.outcome !== "applied") continue;
    changed++;
    if (applied.chip.status !== "SCAN_QR_CODE") forgetChipQr(chip.id);
    await publishChipView(chip.id);
  }
  return changed;
}
