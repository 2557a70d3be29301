// What the chips domain calls: an exit at creation (inside its transaction), its release on delete, and rotation,
// which re-sends the chip's session config to WAHA with the new config.proxy. WAHA restarts a running session on
// that update; a paired chip keeps its auth and comes back WORKING without a new QR.
import { env } from "~/env";
import type { Prisma, ProxyAssignment } from "~/generated/prisma/client";
import { loadChipInstance, wahaClientFor } from "~/server/chips/chip-instance";
import { parseFingerprint } from "~/server/chips/fingerprint";
import { buildSessionConfig, webhookUrlFor } from "~/server/chips/session-config";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { isWahaError } from "~/server/waha/errors";
import { assignProxy, releaseProxy, rotateProxy } from "./assign-proxy";
import { type ProxyHealthLoop, startProxyHealthLoop } from "./health-loop";
import { proxyConfigFor } from "./proxy-config";
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
  await findLiveChip(userId, chipId);
  const row = await db.proxyAssignment.findFirst({ where: { chipId, userId, releasedAt: null } });
  return row ? toProxyView(row) : null;
}

/**
 * A new exit for the chip, applied to its WAHA session. The database moves first: the old exit is already judged
 * bad, so if WAHA cannot be reached the chip still gets the new exit on its next start or restart.
 */
export async function rotateChipProxy({ userId, chipId, settings }: ChipProxyOptions): Promise<ProxyView> {
  const chip = await findLiveChip(userId, chipId);
  const assignment = await rotateProxy({ userId, chipId, settings });
  await applyProxyToSession(chip, assignment);
  return toProxyView(assignment);
}

/** The background health checks, rotating failed exits all the way to WAHA; call once at server start. */
export function startChipProxyHealthLoop(): ProxyHealthLoop {
  return startProxyHealthLoop({ rotate: rotateChipProxy });
}

type LiveChip = { id: string; userId: string; instanceId: string | null; sessionName: string; fingerprint: unknown; status: string };

async function findLiveChip(userId: string, chipId: string): Promise<LiveChip> {
  const chip = await db.chip.findFirst({
    where: { id: chipId, userId, deletedAt: null },
    select: { id: true, userId: true, instanceId: true, sessionName: true, fingerprint: true, status: true },
  });
  if (!chip) throw new AppError("NOT_FOUND", "chip_not_found");
  return chip;
}

async function applyProxyToSession(chip: LiveChip, assignment: ProxyAssignment): Promise<void> {
  // A chip still being set up reads its exit from the database when its session is created.
  if (chip.status === "CREATING") return;
  const instance = await loadChipInstance(chip.instanceId);
  const fingerprint = parseFingerprint(chip.fingerprint);
  if (!instance || !fingerprint) return;
  const config = buildSessionConfig({
    userId: chip.userId,
    chipId: chip.id,
    fingerprint,
    webhookUrl: webhookUrlFor(env.WHAGO_WEBHOOK_BASE_URL ?? env.NEXTAUTH_URL, instance.id),
    webhookSecret: instance.webhookSecret,
    proxy: null,
  });
  try {
    await wahaClientFor(instance).updateSession(chip.sessionName, { config: { ...config, proxy: proxyConfigFor(assignment) } });
  } catch (err) {
    // No session (setup failed and cleaned up): the next restart creates it with the new exit.
    if (!isWahaError(err, "not_found")) throw err;
  }
}
