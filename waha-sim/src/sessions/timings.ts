/** WAHA's lifecycle timings in real milliseconds; the Scheduler multiplies them by WAHA_SIM_TIME_SCALE. */
export const TIMINGS = {
  /** STARTING before the engine shows a QR or, with stored auth, goes WORKING. */
  startingMs: 1_500,
  /** A reconnect flap: WORKING → STARTING → WORKING. */
  reconnectMs: 2_000,
  /** QR waits (status pipe): up to 5 s for the session to run, then up to 10 s for SCAN_QR_CODE, polling every 500 ms. */
  waitRunningMs: 5_000,
  waitStatusMs: 10_000,
  waitPollMs: 500,
  /** request-code from STARTING waits this long for the first QR. */
  waitFirstQrMs: 2_000,
  /** Outgoing message acks after sending: SERVER, DEVICE, READ. */
  ackServerMs: 500,
  ackDeviceMs: 1_500,
  ackReadMs: 4_000,
} as const;

/** QR lifetimes: the first code lives 60 s, the next five 20 s each; after the 6th the session fails. */
export const QR_LIFETIMES_MS = [60_000, 20_000, 20_000, 20_000, 20_000, 20_000] as const;

/** Lifetime of the QR with the given 1-based index, or null when no further QR is issued. */
export function qrLifetimeMs(index: number): number | null {
  return QR_LIFETIMES_MS[index - 1] ?? null;
}
