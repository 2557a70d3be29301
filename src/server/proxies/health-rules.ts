// When a failed check condemns an exit, and when condemning it is worth a rotation.
import type { ProxyAssignment } from "~/generated/prisma/client";

/** "proxy_connect_status:502" → "proxy_connect_status". */
export function reasonCode(reason: string): string {
  return reason.split(":")[0]!;
}

/** Credentials the exit refused stay refused on retry; everything else gets the threshold's benefit of the doubt. */
export function isDefinitiveFailure(reason: string): boolean {
  return reasonCode(reason) === "proxy_auth_failed";
}

/** UNHEALTHY after enough failures for a new exit to be worth a session restart; a credentials problem is not. */
export function needsRotation(row: ProxyAssignment, failureThreshold: number): boolean {
  return (
    row.chipId !== null &&
    row.health === "UNHEALTHY" &&
    row.consecutiveFailures >= failureThreshold &&
    !isDefinitiveFailure(row.healthReason ?? "")
  );
}
