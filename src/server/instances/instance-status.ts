// How provisioning steps and reconcile outcomes read as the WahaInstance status the UI shows.
import type { InstanceStatus } from "~/generated/prisma/enums";
import type { ProvisioningStep } from "~/server/waha/runtime/types";

const statusByStep: Record<ProvisioningStep, InstanceStatus> = {
  creating: "CREATING",
  starting: "STARTING",
  waiting_ready: "WAITING_READY",
  ready: "READY",
  failed: "FAILED",
};

export const statusForStep = (step: ProvisioningStep): InstanceStatus => statusByStep[step];

/** Status reasons can carry log lines: keep them to what a UI row can show. */
export function shortReason(reason: string | undefined, max = 2_000): string | null {
  if (!reason) return null;
  return reason.length > max ? `${reason.slice(0, max - 1)}…` : reason;
}
