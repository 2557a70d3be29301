// What the chips domain calls: an exit at creation (inside its transaction), its release on delete, and the exit as
// users may see it. Applying an exit to a WAHA session is the chips domain's job (chips/rotate-chip-proxy).
import type { Prisma, ProxyAssignment } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { LIVE_CHIP } from "~/server/live-chip";
import { assignProxy, releaseProxy } from "./assign-proxy";
import type { ProxySettings } from "./proxy-settings";
import { type ProxyView, toProxyView } from "./proxy-view";

type Tx = Prisma.TransactionClient;

export type ChipProxyOptions = { userId: string; chipId: string; settings?: ProxySettings };

/** At creation, in the same transaction as the chip row, so a quota refusal leaves no chip behind. */
export function assignChipProxy(options: ChipProxyOptions & { tx?: Tx }): Promise<ProxyAssignment | null> {
  return assignProxy(options);
}

/** On delete, in the same transaction that marks the chip DELETED. */
export function releaseChipProxy(options: { chipId: string; tx?: Tx }): Promise<void> {
  return releaseProxy(options);
}

/** The chip's current exit as users may see it; null when it runs without one. */
export async function getChipProxy({ userId, chipId }: ChipProxyOptions): Promise<ProxyView | null> {
  const chip = await db.chip.findFirst({ where: { id: chipId, userId, ...LIVE_CHIP }, select: { id: true } });
  if (!chip) throw new AppError("NOT_FOUND", "chip_not_found");
  const row = await db.proxyAssignment.findFirst({ where: { chipId, userId, releasedAt: null } });
  return row ? toProxyView(row) : null;
}
