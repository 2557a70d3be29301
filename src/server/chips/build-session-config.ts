// The shape of a chip's WAHA session config, from plain values: tenant ids and fingerprint as metadata, its device
// name, its proxy, and a signed webhook back to whago's route for this instance. session-config.ts fills the values.
import type { SessionConfig } from "~/server/waha/schemas";
import { type DeviceFingerprint, fingerprintMetadata } from "./fingerprint";

/** The events whago applies; anything else would only cost webhook traffic. */
export const WEBHOOK_EVENTS = ["session.status", "message", "message.ack"] as const;

/** WAHA's config.proxy, password in clear: built only for the call that sends it (see proxies/proxy-config). */
export type ChipProxy = { server: string; username: string; password: string };

export type BuildSessionConfigOptions = {
  userId: string;
  chipId: string;
  fingerprint: DeviceFingerprint;
  webhookUrl: string;
  webhookSecret: string;
  /** Null until the chip has a ProxyAssignment. */
  proxy: ChipProxy | null;
};

export function sessionNameFor(chipId: string): string {
  return `chip_${chipId}`;
}

export function webhookUrlFor(baseUrl: string, instanceId: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/api/webhooks/waha/${encodeURIComponent(instanceId)}`;
}

export function buildSessionConfig(options: BuildSessionConfigOptions): SessionConfig {
  const { userId, chipId, fingerprint, webhookUrl, webhookSecret, proxy } = options;
  return {
    metadata: { "whago.user_id": userId, "whago.chip_id": chipId, ...fingerprintMetadata(fingerprint) },
    client: { deviceName: fingerprint.deviceName, browserName: fingerprint.browserName },
    proxy,
    webhooks: [
      {
        url: webhookUrl,
        events: [...WEBHOOK_EVENTS],
        hmac: { key: webhookSecret },
        // whago answers fast and dedupes by event id, so steady retries only cover whago restarts.
        retries: { policy: "constant", delaySeconds: 2, attempts: 15 },
      },
    ],
    noweb: { store: { enabled: true, fullSync: false } },
  };
}
