// Brings a chip to life in WAHA: the user's instance, then session chip_{uuid} created and started with its config.
// Every failure ends in FAILED with a short reason for the user (the diagnostic goes to the instance row and the
// server log) and no session left behind.
import { db } from "~/server/db";
import { isWahaError } from "~/server/waha/errors";
import type { WahaClient } from "~/server/waha/client";
import type { SessionConfig } from "~/server/waha/schemas";
import type { ProgressListener } from "~/server/waha/runtime/types";
import { publishChipEvent } from "./chip-bus";
import { type ChipInstance, ensureInstanceForChips, wahaClientFor } from "./chip-instance";
import { publishChipView, setChipStatus } from "./chip-status";
import { sessionConfigForChip } from "./session-config";
import { type SetupPhase, setupFailureReason } from "./setup-failure";

export async function provisionChip(chipId: string): Promise<void> {
  const chip = await db.chip.findUnique({
    where: { id: chipId },
    include: { proxy: true },
  });
  if (!chip || chip.status === "DELETED") return;
  // A failed step's message carries the runtime's diagnostic (log lines included): the page gets the step only.
  const onProgress: ProgressListener = ({ step, message }) =>
    publishChipEvent(chip.userId, chipId, { type: "progress", chipId, step, ...(step !== "failed" && { message }) });

  let instance: ChipInstance | undefined;
  let phase: SetupPhase = "instance";
  try {
    instance = await ensureInstanceForChips({ userId: chip.userId, onProgress });
    phase = "session";
    await db.chip.update({ where: { id: chipId }, data: { instanceId: instance.id } });
    const config = sessionConfigForChip({ chip, instance, proxy: chip.proxy });
    if (!config) throw new Error("The chip's device fingerprint is unreadable.");
    await createOrReplaceSession(wahaClientFor(instance), chip.sessionName, config);
  } catch (err) {
    if (instance) await wahaClientFor(instance).deleteSession(chip.sessionName).catch(() => undefined);
    const diagnostic = err instanceof Error ? err.message : String(err);
    console.error(`[chips] setup of ${chipId} failed at the ${phase} step: ${diagnostic}`);
    await setChipStatus(chipId, "FAILED", setupFailureReason(phase));
    return;
  }

  // A webhook may already have moved the chip on (STARTING, SCAN_QR_CODE); only a chip still CREATING moves here.
  const moved = await db.chip.updateMany({ where: { id: chipId, status: "CREATING" }, data: { status: "STARTING" } });
  const now = await db.chip.findUniqueOrThrow({ where: { id: chipId }, select: { status: true } });
  if (now.status === "DELETED") {
    // Deleted while being set up: the session must not outlive the row.
    await wahaClientFor(instance).deleteSession(chip.sessionName).catch(() => undefined);
    return;
  }
  if (moved.count > 0) await publishChipView(chipId);
}

/** Creates the session, or (on a retry) replaces the config of the one that exists and restarts it. */
async function createOrReplaceSession(client: WahaClient, name: string, config: SessionConfig) {
  try {
    await client.createSession({ name, start: true, config });
  } catch (err) {
    if (!isWahaError(err, "already_exists")) throw err;
    await client.updateSession(name, { config });
    await client.restartSession(name);
  }
}
