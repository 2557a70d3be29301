// When the QR on screen expires. WAHA shows the first code for 60 s and each following one for 20 s (the simulator
// scales both by WAHA_SIM_TIME_SCALE); a rotation is a SCAN_QR_CODE that follows another SCAN_QR_CODE.
export const FIRST_QR_LIFETIME_MS = 60_000;
export const NEXT_QR_LIFETIME_MS = 20_000;

type StatusMark = { status: string; timestamp: number };

export function isQrRotation(statuses: StatusMark[] | null | undefined): boolean {
  const history = statuses ?? [];
  return history.length >= 2 && history[history.length - 2]!.status === "SCAN_QR_CODE";
}

export function qrLifetimeMs(rotation: boolean, timeScale: number): number {
  return Math.round((rotation ? NEXT_QR_LIFETIME_MS : FIRST_QR_LIFETIME_MS) * timeScale);
}

/** The deadline counted from the event's own timestamp, so webhook delivery delay does not stretch it. */
export function qrDeadline(eventTimestamp: number, statuses: StatusMark[] | null | undefined, timeScale: number) {
  const lifetimeMs = qrLifetimeMs(isQrRotation(statuses), timeScale);
  return { lifetimeMs, expiresAt: eventTimestamp + lifetimeMs };
}
