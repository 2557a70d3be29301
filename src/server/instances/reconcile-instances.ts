// The reconciler: makes the runtime match the database (users with chips → a running instance) and records
// what it found on each instance row.
import { env } from "~/env";
import { unseal } from "~/server/crypto";
import { db } from "~/server/db";
import { LIVE_CHIP } from "~/server/live-chip";
import { getRuntime } from "~/server/waha/runtime/get-runtime";
import { parsePortRange, type PortRange } from "~/server/waha/runtime/port-allocator";
import type { WahaRuntime } from "~/server/waha/runtime/types";
import { applyReconciliation, type ReconcileOutcome } from "./apply-reconciliation";
import { assignHostPort } from "./assign-host-port";
import { findOrCreateInstanceRow } from "./ensure-user-instance";
import { recordReady, recordStatus, runtimeKindOf } from "./record-instance-state";

export type ReconcileInstancesOptions = { runtime?: WahaRuntime; portRange?: PortRange };

export async function reconcileInstances(options: ReconcileInstancesOptions = {}): Promise<ReconcileOutcome[]> {
  const runtime = options.runtime ?? getRuntime();
  const kind = runtimeKindOf(runtime);

  const usersWithChips = await db.user.findMany({ where: { chips: { some: LIVE_CHIP } }, select: { id: true } });
  await Promise.all(usersWithChips.map((u) => findOrCreateInstanceRow(u.id, runtime)));
  const wanted = new Set(usersWithChips.map((u) => u.id));

  // Ports come from the rows (unique per runtime), so give every wanted row one before anything starts.
  const range = options.portRange ?? parsePortRange(env.WAHA_PORT_RANGE);
  for (const row of await db.wahaInstance.findMany({ where: { userId: { in: [...wanted] } } })) {
    if (row.runtime === kind && row.hostPort !== null) continue;
    await db.wahaInstance.update({ where: { id: row.id }, data: { runtime: kind, hostPort: null } });
    await assignHostPort({ instanceId: row.id, runtimeKind: kind, runtime, range });
  }

  const rows = await db.wahaInstance.findMany();
  const desired = rows.map((row) => ({
    userId: row.userId,
    instanceId: row.id,
    apiKey: unseal(row.apiKeyEncrypted),
    // A port numbered for the other runtime means nothing here.
    hostPort: row.runtime === kind ? row.hostPort : null,
    wantRunning: wanted.has(row.userId),
  }));

  const outcomes = await applyReconciliation({ runtime, desired });
  const rowIds = new Set(rows.map((r) => r.id));
  for (const outcome of outcomes) {
    if (!rowIds.has(outcome.instanceId)) continue; // an orphan: no row to record on
    if (outcome.running) await recordReady(outcome.instanceId, outcome.running, runtime);
    else await recordStatus(outcome.instanceId, outcome.status, outcome.reason);
  }
  return outcomes;
}
