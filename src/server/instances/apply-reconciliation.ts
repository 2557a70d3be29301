// Carries out a reconciliation plan on a runtime; knows nothing of the database, so tests can drive it directly.
import type { InstanceInfo, RunningInstance, WahaRuntime } from "~/server/waha/runtime/types";
import { type DesiredInstance, planReconciliation } from "./reconcile-plan";

export type ObservedStatus = "READY" | "STOPPED" | "FAILED" | "REMOVED";

export type ReconcileOutcome = {
  userId: string;
  instanceId: string;
  status: ObservedStatus;
  reason?: string;
  running?: RunningInstance;
};

export type ApplyReconciliationOptions = {
  runtime: WahaRuntime;
  desired: DesiredInstance[];
  /** Ensures run a few at a time: real WAHA is heavy to boot. */
  concurrency?: number;
};

export async function applyReconciliation({ runtime, desired, concurrency = 4 }: ApplyReconciliationOptions) {
  const plan = planReconciliation(desired, await runtime.list());
  const outcomes: ReconcileOutcome[] = [];
  for (const action of plan) {
    if (action.kind !== "remove-orphan") continue;
    await runtime.remove(action.found.userId, { purgeData: true });
    outcomes.push({ userId: action.found.userId, instanceId: action.found.instanceId, status: "REMOVED" });
  }

  const rowActions = plan.filter((a) => a.kind !== "remove-orphan");
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < rowActions.length; i = next++) {
      const action = rowActions[i]!;
      outcomes.push(action.kind === "ensure" ? await ensure(runtime, action.desired) : observe(action.desired, action.found));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return outcomes;
}

async function ensure(runtime: WahaRuntime, desired: DesiredInstance): Promise<ReconcileOutcome> {
  const { userId, instanceId, apiKey, hostPort, extraEnv } = desired;
  try {
    const running = await runtime.ensureRunning({ userId, instanceId, apiKey, hostPort: hostPort ?? undefined, extraEnv });
    return { userId, instanceId, status: "READY", running };
  } catch (err) {
    return { userId, instanceId, status: "FAILED", reason: (err as Error).message };
  }
}

function observe(desired: DesiredInstance, found: InstanceInfo | null): ReconcileOutcome {
  const { userId, instanceId } = desired;
  if (!found) return { userId, instanceId, status: "REMOVED" };
  return { userId, instanceId, status: found.state === "running" ? "READY" : "STOPPED", reason: found.detail };
}
