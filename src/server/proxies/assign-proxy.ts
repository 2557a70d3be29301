// Assigning, releasing and rotating a chip's exit. One exit serves one chip; the user's quota counts active exits.
import type { Prisma, ProxyAssignment } from "~/generated/prisma/client";
import { seal } from "~/server/crypto";
import { AppError } from "~/server/errors";
import { LIVE_CHIP } from "~/server/live-chip";
import { inTransaction } from "./in-transaction";
import { type ExitChoice, pickExit } from "./pick-exit";
import { countActiveProxies, lockUserQuota } from "./proxy-quota";
import { type ProxySettings, proxySettingsFromEnv } from "./proxy-settings";

type Tx = Prisma.TransactionClient;

export type AssignProxyOptions = { userId: string; chipId: string; tx?: Tx; settings?: ProxySettings };

/**
 * Gives the chip its own exit, within the user's quota (AppError CONFLICT `proxy_quota_exceeded`). Idempotent: a chip
 * that already has one keeps it. Null when no proxy provider is configured.
 */
export async function assignProxy(options: AssignProxyOptions): Promise<ProxyAssignment | null> {
  const { userId, chipId, tx, settings = proxySettingsFromEnv() } = options;
  return inTransaction(tx, async (t) => {
    const limit = await lockUserQuota(t, userId, settings);
    await assertChipOwned(t, userId, chipId);
    const existing = await t.proxyAssignment.findUnique({ where: { chipId } });
    if (existing) return existing;
    if ((await countActiveProxies(t, userId)) >= limit) throw new AppError("CONFLICT", "proxy_quota_exceeded");
    const exit = await pickExit(t, settings);
    return exit ? createAssignment(t, userId, chipId, exit) : null;
  });
}

export type ReleaseProxyOptions = { chipId: string; tx?: Tx };

/** Frees the chip's exit for others; the row stays for history. Idempotent. */
export async function releaseProxy({ chipId, tx }: ReleaseProxyOptions): Promise<void> {
  await inTransaction(tx, (t) =>
    t.proxyAssignment.updateMany({ where: { chipId }, data: { chipId: null, releasedAt: new Date() } }),
  );
}

export type RotateProxyOptions = { userId: string; chipId: string; tx?: Tx; settings?: ProxySettings };

/**
 * Moves the chip to a new exit: a new sticky session on the gateway, or the next free fixed proxy. The old row is
 * released in the same transaction, so the quota is unchanged and the old session id is never reused.
 */
export async function rotateProxy(options: RotateProxyOptions): Promise<ProxyAssignment> {
  const { userId, chipId, tx, settings = proxySettingsFromEnv() } = options;
  return inTransaction(tx, async (t) => {
    const current = await t.proxyAssignment.findFirst({ where: { chipId, userId, releasedAt: null } });
    if (!current) throw new AppError("NOT_FOUND", "proxy_not_found");
    await t.proxyAssignment.update({ where: { id: current.id }, data: { chipId: null, releasedAt: new Date() } });
    const exit = await pickExit(t, settings, { preferKind: current.kind, avoid: current });
    if (!exit) throw new AppError("CONFLICT", "proxy_pool_exhausted");
    return createAssignment(t, userId, chipId, exit);
  });
}

async function assertChipOwned(tx: Tx, userId: string, chipId: string): Promise<void> {
  const chip = await tx.chip.findFirst({ where: { id: chipId, userId, ...LIVE_CHIP }, select: { id: true } });
  if (!chip) throw new AppError("NOT_FOUND", "chip_not_found");
}

function createAssignment(tx: Tx, userId: string, chipId: string, exit: ExitChoice): Promise<ProxyAssignment> {
  const { password, ...endpoint } = exit;
  return tx.proxyAssignment.create({ data: { ...endpoint, userId, chipId, passwordEncrypted: seal(password) } });
}
