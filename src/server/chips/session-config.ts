// The one place a chip's WAHA session config is assembled from its rows: provisioning and proxy rotation both send it.
import { env } from "~/env";
import type { ProxyAssignment } from "~/generated/prisma/client";
import { proxyConfigFor } from "~/server/proxies/proxy-config";
import type { SessionConfig } from "~/server/waha/schemas";
import { buildSessionConfig, webhookUrlFor } from "./build-session-config";
import type { ChipInstance } from "./chip-instance";
import { parseFingerprint } from "./fingerprint";

export type SessionConfigForChipOptions = {
  chip: { id: string; userId: string; fingerprint: unknown };
  instance: ChipInstance;
  /** The chip's exit; null (or a released one) means the session runs without a proxy. */
  proxy: Pick<ProxyAssignment, "host" | "port" | "username" | "passwordEncrypted" | "releasedAt"> | null;
};

/** Null when the chip's stored fingerprint is unreadable: no config can be sent without its device identity. */
export function sessionConfigForChip({ chip, instance, proxy }: SessionConfigForChipOptions): SessionConfig | null {
  const fingerprint = parseFingerprint(chip.fingerprint);
  if (!fingerprint) return null;
  return buildSessionConfig({
    userId: chip.userId,
    chipId: chip.id,
    fingerprint,
    webhookUrl: webhookUrlFor(env.WHAGO_WEBHOOK_BASE_URL ?? env.NEXTAUTH_URL, instance.id),
    webhookSecret: instance.webhookSecret,
    proxy: proxy && !proxy.releasedAt ? proxyConfigFor(proxy) : null,
  });
}
