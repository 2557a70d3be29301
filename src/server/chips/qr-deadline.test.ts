import { describe, expect, it } from "vitest";
import { isQrRotation, qrDeadline } from "./qr-deadline";

const mark = (status: string, timestamp = 0) => ({ status, timestamp });

describe("qrDeadline", () => {
  it("gives the first QR 60 s from the event's timestamp", () => {
    const statuses = [mark("STOPPED"), mark("STARTING"), mark("SCAN_QR_CODE")];
    expect(qrDeadline(1_000, statuses, 1)).toEqual({ lifetimeMs: 60_000, expiresAt: 61_000 });
  });

  it("gives a rotated QR 20 s", () => {
    const statuses = [mark("STARTING"), mark("SCAN_QR_CODE"), mark("SCAN_QR_CODE")];
    expect(isQrRotation(statuses)).toBe(true);
    expect(qrDeadline(1_000, statuses, 1)).toEqual({ lifetimeMs: 20_000, expiresAt: 21_000 });
  });

  it("scales with the simulator's time scale", () => {
    expect(qrDeadline(0, [mark("SCAN_QR_CODE")], 0.5).lifetimeMs).toBe(30_000);
  });

  it("treats a missing history as a first QR", () => {
    expect(isQrRotation(undefined)).toBe(false);
    expect(isQrRotation([mark("SCAN_QR_CODE")])).toBe(false);
  });
});
