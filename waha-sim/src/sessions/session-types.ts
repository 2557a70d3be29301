import type { SessionConfig } from "./config-schema";

export type SessionStatus =
  | "STOPPED"
  | "STARTING"
  | "SCAN_QR_CODE"
  | "PASSKEY_REQUIRED"
  | "PASSKEY_CONFIRMATION_REQUIRED"
  | "WORKING"
  | "FAILED";

export interface MeInfo {
  id: string;
  pushName: string;
  lid?: string;
  jid?: string;
}

/** What survives a restart of the simulator (one file per session). */
export interface SessionRecord {
  name: string;
  config?: SessionConfig | null;
  apps?: unknown[] | null;
  auth: { me: MeInfo; pairedAt: number } | null;
  /** Started and not stopped: restored on boot like WAHA_WORKER_RESTART_SESSIONS. */
  running: boolean;
}

export interface ProxyCheck {
  proxy: string;
  ok: boolean;
  /** The address the probe endpoint saw the tunnelled request come from (null if the target is elsewhere). */
  remoteAddress: string | null;
  reason: string | null;
  checkedAt: number;
}

export interface QrState {
  index: number;
  value: string;
  expiresAt: number;
}
