// Adding a chip: the row first (CREATING, with its fingerprint and its proxy exit), then provisioning in the background, so the caller
// gets the chip at once and follows its progress on the event stream.
import { randomUUID } from "node:crypto";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { assignChipProxy } from "~/server/proxies/chip-proxy";
import { normaliseLabel } from "./chip-queries";
import { type ChipView, chipViewSelect, toChipView } from "./chip-view";
import { parseFingerprint, pickFingerprint } from "./fingerprint";
import { provisionChip } from "./provision-chip";
import { sessionNameFor } from "./build-session-config";

export type CreateChipOptions = { userId: string; label: string };

export async function createChip({ userId, label }: CreateChipOptions): Promise<ChipView> {
  const clean = normaliseLabel(label);
  const user = await db.user.findUnique({ where: { id: userId }, select: { status: true } });
  if (!user) throw new AppError("NOT_FOUND", "user_not_found");
  if (user.status !== "ACTIVE") throw new AppError("FORBIDDEN", "account_suspended");

  // Deleted chips count too: a device that was seen once stays that chip's device in WhatsApp's eyes.
  const existing = await db.chip.findMany({ where: { userId }, select: { fingerprint: true } });
  const fingerprint = pickFingerprint(existing.flatMap((c) => parseFingerprint(c.fingerprint) ?? []));
  const id = randomUUID();
  // The exit is assigned in the row's transaction: a quota refusal (CONFLICT proxy_quota_exceeded) leaves no chip.
  const row = await db.$transaction(async (tx) => {
    await tx.chip.create({ data: { id, userId, label: clean, sessionName: sessionNameFor(id), status: "CREATING", fingerprint } });
    await assignChipProxy({ userId, chipId: id, tx });
    return tx.chip.findUniqueOrThrow({ where: { id }, select: chipViewSelect });
    // Creations queue on the user's quota lock: a burst must wait its turn rather than fail after Prisma's 2 s default.
  }, { maxWait: 30_000, timeout: 30_000 });
  startProvisioning(id);
  return toChipView(row);
}

/** Fire and forget: provisionChip records its own failures on the row; this only guards against a crash of that. */
export function startProvisioning(chipId: string): void {
  void provisionChip(chipId).catch((err: unknown) => {
    console.error("[chips] provisioning crashed", chipId, err instanceof Error ? err.message : err);
    void db.chip
      .updateMany({
        where: { id: chipId, status: "CREATING" },
        data: { status: "FAILED", statusReason: "Setup stopped unexpectedly. Try again." },
      })
      .catch(() => undefined);
  });
}
