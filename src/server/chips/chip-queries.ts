// Reading and renaming chips. Every query carries the owner: another user's chip id is simply "not found".
import { env } from "~/env";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { LIVE_CHIP } from "~/server/live-chip";
import { type ChipView, chipViewSelect, toChipView } from "./chip-view";
import { isUuid } from "./uuid";

export type ChipRef = { userId: string; chipId: string };
export type ListChipsOptions = { userId: string };
export type RenameChipOptions = ChipRef & { label: string };

export const LABEL_MAX_LENGTH = 60;

/** The owned, not deleted chip with what actions need; NOT_FOUND otherwise (malformed ids included). */
export async function findOwnedChip({ userId, chipId }: ChipRef) {
  if (!isUuid(chipId) || !isUuid(userId)) throw new AppError("NOT_FOUND", "chip_not_found");
  const chip = await db.chip.findFirst({
    where: { id: chipId, userId, ...LIVE_CHIP },
    select: { id: true, userId: true, sessionName: true, status: true, instanceId: true, fingerprint: true },
  });
  if (!chip) throw new AppError("NOT_FOUND", "chip_not_found");
  return chip;
}

export async function listChips({ userId }: ListChipsOptions): Promise<ChipView[]> {
  if (!isUuid(userId)) return [];
  await failAbandonedProvisioning(userId);
  const rows = await db.chip.findMany({
    where: { userId, ...LIVE_CHIP },
    orderBy: { createdAt: "desc" },
    select: chipViewSelect,
  });
  return rows.map(toChipView);
}

export async function getChip({ userId, chipId }: ChipRef): Promise<ChipView> {
  await findOwnedChip({ userId, chipId });
  return loadChipView(chipId);
}

export async function renameChip({ userId, chipId, label }: RenameChipOptions): Promise<ChipView> {
  const clean = normaliseLabel(label);
  const { count } = await db.chip.updateMany({
    where: { id: chipId, userId, ...LIVE_CHIP },
    data: { label: clean },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "chip_not_found");
  return loadChipView(chipId);
}

/** For internal callers that already checked ownership (or act for WAHA, like the webhook route). */
export async function loadChipView(chipId: string): Promise<ChipView> {
  const row = await db.chip.findUniqueOrThrow({ where: { id: chipId }, select: chipViewSelect });
  return toChipView(row);
}

export function normaliseLabel(label: string): string {
  const clean = label.trim().replace(/\s+/g, " ");
  if (!clean) throw new AppError("BAD_REQUEST", "label_required");
  if (clean.length > LABEL_MAX_LENGTH) throw new AppError("BAD_REQUEST", "label_too_long");
  return clean;
}

// Provisioning runs in the background of one server process; if that process died, its chips would sit in CREATING
// for ever. Past the longest a provisioning can take, they are failed so the user can retry.
async function failAbandonedProvisioning(userId: string) {
  const cutoff = new Date(Date.now() - env.WAHA_READY_TIMEOUT_MS - 2 * env.WAHA_REQUEST_TIMEOUT_MS - 60_000);
  await db.chip.updateMany({
    where: { userId, status: "CREATING", updatedAt: { lt: cutoff } },
    data: { status: "FAILED", statusReason: "Setup was interrupted before the chip was ready. Try again." },
  });
}
