// What users see of an exit: never the password, the username masked.
import type { ProxyAssignment } from "~/generated/prisma/client";

export type ProxyView = {
  id: string;
  chipId: string | null;
  kind: ProxyAssignment["kind"];
  server: string;
  username: string;
  country: string | null;
  health: ProxyAssignment["health"];
  /** A ProxyFailureReason code, or null when the last check passed or none ran yet. */
  healthReason: string | null;
  consecutiveFailures: number;
  latencyMs: number | null;
  exitSeen: string | null;
  lastCheckedAt: Date | null;
  assignedAt: Date;
};

/** Enough to tell exits apart on screen; the gateway account name is itself half of the credentials. */
export function maskUsername(username: string): string {
  if (username.length <= 8) return "***";
  return `${username.slice(0, 2)}***${username.slice(-4)}`;
}

export function serverOf(row: Pick<ProxyAssignment, "host" | "port">): string {
  return row.host.includes(":") ? `[${row.host}]:${row.port}` : `${row.host}:${row.port}`;
}

export function toProxyView(row: ProxyAssignment): ProxyView {
  return {
    id: row.id,
    chipId: row.chipId,
    kind: row.kind,
    server: serverOf(row),
    username: maskUsername(row.username),
    country: row.country,
    health: row.health,
    healthReason: row.healthReason,
    consecutiveFailures: row.consecutiveFailures,
    latencyMs: row.latencyMs,
    exitSeen: row.exitSeen,
    lastCheckedAt: row.lastCheckedAt,
    assignedAt: row.assignedAt,
  };
}
