// The per-user quota of proxied chips: settings give the default, User.proxyQuota overrides it.
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { type ProxySettings, proxySettingsFromEnv } from "./proxy-settings";

type Tx = Prisma.TransactionClient;

export type ProxyQuota = { used: number; limit: number };

export type GetProxyQuotaOptions = { userId: string; settings?: ProxySettings };

export async function getProxyQuota({ userId, settings = proxySettingsFromEnv() }: GetProxyQuotaOptions): Promise<ProxyQuota> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { proxyQuota: true } });
  if (!user) throw new AppError("NOT_FOUND", "user_not_found");
  return { used: await countActiveProxies(db, userId), limit: user.proxyQuota ?? settings.quotaDefault };
}

export function countActiveProxies(tx: Tx, userId: string): Promise<number> {
  return tx.proxyAssignment.count({ where: { userId, releasedAt: null } });
}

/**
 * Locks the user's row for the rest of the transaction and returns their limit. The row lock makes concurrent
 * assignments for one user take turns, so the count each one sees next is current. NO KEY UPDATE, not UPDATE: a
 * caller that inserted the chip first already holds the KEY SHARE lock its foreign key takes on this row, and two
 * such callers upgrading to FOR UPDATE would deadlock each other.
 */
export async function lockUserQuota(tx: Tx, userId: string, settings: ProxySettings): Promise<number> {
  const rows = await tx.$queryRaw<{ proxyQuota: number | null }[]>`
    SELECT "proxyQuota" FROM "User" WHERE id = ${userId}::uuid FOR NO KEY UPDATE`;
  const user = rows[0];
  if (!user) throw new AppError("NOT_FOUND", "user_not_found");
  return user.proxyQuota ?? settings.quotaDefault;
}
