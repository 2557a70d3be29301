// Deleting a chip: its WAHA session goes, its proxy returns to the pool, the row stays (DELETED) for history.
import { db } from "~/server/db";
import { releaseChipProxy } from "~/server/proxies/chip-proxy";
import { isWahaError } from "~/server/waha/errors";
import { publishChipEvent } from "./chip-bus";
import { loadChipInstance, wahaClientFor } from "./chip-instance";
import { type ChipRef, findOwnedChip, loadChipView } from "./chip-queries";
import { forgetChipQr } from "./chip-qr";
import type { ChipView } from "./chip-view";

export async function removeChip(ref: ChipRef): Promise<ChipView> {
  const chip = await findOwnedChip(ref);
  const instance = await loadChipInstance(chip.instanceId);
  if (instance) {
    try {
      await wahaClientFor(instance).deleteSession(chip.sessionName);
    } catch (err) {
      if (!isWahaError(err, "not_found")) throw err;
    }
  }
  const now = new Date();
  await db.$transaction(async (tx) => {
    await releaseChipProxy({ chipId: chip.id, tx });
    await tx.chip.update({
      where: { id: chip.id },
      data: { status: "DELETED", deletedAt: now, statusReason: null, statusEventAt: BigInt(now.getTime() + 1) },
    });
  });
  forgetChipQr(chip.id);
  const view = await loadChipView(chip.id);
  publishChipEvent(chip.userId, chip.id, { type: "chip", chip: view });
  return view;
}
