// Checking one exit now and recording the outcome: success resets the failure count, N failures in a row (or a
// credentials rejection, which no retry fixes) mark it UNHEALTHY.
import type { ProxyAssignment } from "~/generated/prisma/client";
import { unseal } from "~/server/crypto";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { isDefinitiveFailure } from "./health-rules";
import { type ProbeResult, probeThroughProxy } from "./probe-through-proxy";
import { type ProxySettings, proxySettingsFromEnv } from "./proxy-settings";
import { type ProxyView, toProxyView } from "./proxy-view";

export type CheckProxyOptions = {
  assignmentId: string;
  /** When set, the assignment must belong to this user (on-demand checks from the UI). */
  userId?: string;
  settings?: ProxySettings;
  timeoutMs?: number;
};

export type CheckProxyOutcome = { assignment: ProxyAssignment; result: ProbeResult };

export async function checkProxy(options: CheckProxyOptions): Promise<CheckProxyOutcome> {
  const { assignmentId, userId, settings = proxySettingsFromEnv(), timeoutMs } = options;
  if (!settings.checkTarget) throw new AppError("BAD_REQUEST", "proxy_check_not_configured");
  const row = await db.proxyAssignment.findFirst({ where: { id: assignmentId, releasedAt: null, ...(userId && { userId }) } });
  if (!row) throw new AppError("NOT_FOUND", "proxy_not_found");

  const proxy = { host: row.host, port: row.port, username: row.username, password: unseal(row.passwordEncrypted) };
  const result = await probeThroughProxy({ proxy, target: settings.checkTarget, timeoutMs });
  return { assignment: await recordCheck(row.id, result, settings.failureThreshold), result };
}

export type CheckChipProxyOptions = Omit<CheckProxyOptions, "assignmentId" | "userId"> & { userId: string; chipId: string };

/** The "check now" action: the chip's current exit, owned by the user. */
export async function checkChipProxy({ chipId, userId, ...rest }: CheckChipProxyOptions): Promise<ProxyView> {
  const row = await db.proxyAssignment.findFirst({ where: { chipId, userId, releasedAt: null }, select: { id: true } });
  if (!row) throw new AppError("NOT_FOUND", "proxy_not_found");
  return toProxyView((await checkProxy({ ...rest, assignmentId: row.id, userId })).assignment);
}

async function recordCheck(id: string, result: ProbeResult, failureThreshold: number): Promise<ProxyAssignment> {
  const lastCheckedAt = new Date();
  if (result.ok) {
    const { latencyMs, exitSeen } = result;
    return db.proxyAssignment.update({
      where: { id },
      data: { health: "HEALTHY", healthReason: null, consecutiveFailures: 0, latencyMs, exitSeen, lastCheckedAt },
    });
  }
  // Incremented in the database so a scheduled check and an on-demand one cannot lose a failure between them.
  const failed = await db.proxyAssignment.update({
    where: { id },
    data: { healthReason: result.reason, consecutiveFailures: { increment: 1 }, latencyMs: null, lastCheckedAt },
  });
  const unhealthy = failed.consecutiveFailures >= failureThreshold || isDefinitiveFailure(result.reason);
  if (!unhealthy || failed.health === "UNHEALTHY") return failed;
  return db.proxyAssignment.update({ where: { id }, data: { health: "UNHEALTHY" } });
}
