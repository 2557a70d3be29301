// Status changes whago makes itself (not from WAHA events), always followed by a push to open pages.
import { db } from "~/server/db";
import { LIVE_CHIP } from "~/server/live-chip";
import type { ChipStatus } from "~/generated/prisma/client";
import { publishChipEvent } from "./chip-bus";
import { loadChipView } from "./chip-queries";
import type { ChipView } from "./chip-view";

export async function publishChipView(chipId: string): Promise<ChipView> {
  const chip = await loadChipView(chipId);
  const owner = await db.chip.findUniqueOrThrow({ where: { id: chipId }, select: { userId: true } });
  publishChipEvent(owner.userId, chipId, { type: "chip", chip });
  return chip;
}

/**
 * Sets a status decided by whago. The event clock moves to now, so WAHA events emitted before this decision (e.g.
 * the STOPPED of a session whago just deleted) arrive as older and cannot undo it.
 */
export async function setChipStatus(chipId: string, status: ChipStatus, statusReason: string | null = null) {
  await db.chip.updateMany({
    where: { id: chipId, ...LIVE_CHIP },
    data: { status, statusReason, statusEventAt: BigInt(Date.now() + 1) },
  });
  return publishChipView(chipId);
}
