// What the reconciler should do, decided from data alone: the database's wishes against what the runtime lists.
import type { InstanceInfo } from "~/server/waha/runtime/types";

export type DesiredInstance = {
  userId: string;
  instanceId: string;
  apiKey: string;
  hostPort: number | null;
  extraEnv?: Record<string, string>;
  /** The user has chips, so their instance must be running. */
  wantRunning: boolean;
};

export type ReconcileAction =
  /** Start a stopped or crashed instance, recreate a missing one, or confirm a running one still answers. */
  | { kind: "ensure"; desired: DesiredInstance; found: InstanceInfo | null }
  /** Nothing to change: only record what the runtime reports. */
  | { kind: "observe"; desired: DesiredInstance; found: InstanceInfo | null }
  /** Carries whago's labels but no user row wants it any more. */
  | { kind: "remove-orphan"; found: InstanceInfo };

export function planReconciliation(desired: DesiredInstance[], actual: InstanceInfo[]): ReconcileAction[] {
  const actualByUser = new Map(actual.map((info) => [info.userId, info]));
  const wantedUsers = new Set(desired.map((d) => d.userId));
  // Orphans are judged by user, not instance id: a user's replaced instance reuses the name and the sessions volume.
  const orphans: ReconcileAction[] = actual
    .filter((info) => !wantedUsers.has(info.userId))
    .map((found) => ({ kind: "remove-orphan", found }));
  const forRows: ReconcileAction[] = desired.map((d) => {
    const found = actualByUser.get(d.userId) ?? null;
    return { kind: d.wantRunning ? "ensure" : "observe", desired: d, found };
  });
  return [...orphans, ...forRows];
}
