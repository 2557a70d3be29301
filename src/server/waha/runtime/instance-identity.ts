// Names and labels that let whago recognise its own instances, and a fingerprint to notice a changed spec.
import { createHash } from "node:crypto";

export const LABELS = {
  managed: "whago.managed",
  userId: "whago.user-id",
  instanceId: "whago.instance-id",
  hostPort: "whago.host-port",
  fingerprint: "whago.spec-fingerprint",
} as const;

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** User ids become container, volume and folder names: refuse anything that could escape them. */
export function assertSafeId(kind: string, id: string): void {
  if (!SAFE_ID.test(id)) throw new Error(`Invalid ${kind} "${id}": expected letters, digits, "-" or "_".`);
}

export function instanceName(userId: string): string {
  assertSafeId("user id", userId);
  return `waha_user_${userId}`;
}

export function sessionsVolumeName(userId: string): string {
  assertSafeId("user id", userId);
  return `waha_sessions_${userId}`;
}

/** A hash over everything that requires a new container when it changes (the key is hashed, never stored). */
export function specFingerprint(parts: Record<string, string | number | undefined>): string {
  const canonical = JSON.stringify(Object.entries(parts).sort(([a], [b]) => a.localeCompare(b)));
  return createHash("sha256").update(canonical).digest("hex").slice(0, 32);
}
