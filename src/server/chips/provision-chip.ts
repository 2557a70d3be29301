// Brings a chip to life in WAHA: the user's instance, then session chip_{uuid} created and started with its config.
// Every failure ends in FAILED with a reason and no session left behind.
import { db } from "~/server/db";
import { isWahaError } from "~/server/waha/errors";
import type { WahaClient } from "~/server/waha/client";
import type { SessionConfig } from "~/server/waha/schemas";
import type { ProgressListener } from "~/server/waha/runtime/types";
import { publishChipEvent } from "./chip-bus";
import { type ChipInstance, ensureInstanceForChips, wahaClientFor } from "./chip-instance";
import { describeFailure, publishChipView, setChipStatus } from "./chip-status";
import { sessionConfigForChip } from "./session-config";

export async function provisionChip(chipId: string): Promise<void> {
  const chip = await db.chip.findUnique({
    where: { id: chipId },
    include: { proxy: true },
  });
  if (!chip || chip.status === "DELETED") return;
  const onProgress: ProgressListener = ({ step, message }) =>
    publishChipEvent(chip.userId, chipId, { type: "progress", chipId, step, message });

  let instance: ChipInstance | undefined;
  try {
    instance = await ensureInstanceForChips({ userId: chip.userId, onProgress });
    await db.chip.update({ where: { id: chipId }, data: { instanceId: instance.id } });
    const config = sessionConfigForChip({ chip, instance, proxy: chip.proxy });
    if (!config) throw new Error("The chip's device fingerprint is unreadable.");
    await createOrReplaceSession(wahaClientFor(instance), chip.sessionName, config);
  } catch (err) {
    if (instance) await wahaClientFor(instance).deleteSession(chip.sessionName).catch(() => undefined);
    await setChipStatus(chipId, "FAILED", `Could not set up the chip: ${describeFailure(err)}`);
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
