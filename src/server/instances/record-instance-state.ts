// Writes what the runtime reported onto the WahaInstance row (status, reason, address).
import type { InstanceStatus, RuntimeKind } from "~/generated/prisma/enums";
import { db } from "~/server/db";
import type { ProvisioningEvent, RunningInstance, WahaRuntime } from "~/server/waha/runtime/types";
import { shortReason, statusForStep } from "./instance-status";

export const runtimeKindOf = (runtime: WahaRuntime): RuntimeKind => (runtime.kind === "docker" ? "DOCKER" : "PROCESS");

export async function recordReady(instanceId: string, running: RunningInstance, runtime: WahaRuntime) {
  await db.wahaInstance.update({
    where: { id: instanceId },
    data: {
      status: "READY",
      statusReason: null,
      lastReadyAt: new Date(),
      runtime: runtimeKindOf(runtime),
      containerId: running.runtimeId,
      hostPort: running.hostPort,
      baseUrl: running.baseUrl,
      image: runtime.image,
    },
  });
}

export async function recordStatus(instanceId: string, status: InstanceStatus, reason?: string) {
  await db.wahaInstance.update({ where: { id: instanceId }, data: { status, statusReason: shortReason(reason) } });
}

/**
 * Progress listeners are synchronous; the writes they cause are chained so they land in order, and `flush`
 * waits for the last one. "ready" is left to recordReady, which also stores the address.
 */
export function createProgressRecorder(instanceId: string) {
  let chain: Promise<unknown> = Promise.resolve();
  return {
    record(event: ProvisioningEvent) {
      if (event.step === "ready") return;
      chain = chain.then(() => recordStatus(instanceId, statusForStep(event.step), event.message)).catch(() => undefined);
    },
    flush: () => chain,
  };
}
