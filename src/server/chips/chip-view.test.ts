import { describe, expect, it } from "vitest";
import { toChipView } from "./chip-view";
import { pickFingerprint } from "./fingerprint";

const fingerprint = pickFingerprint([]);
const row = {
  id: "c-1",
  label: "Loja",
  status: "WORKING" as const,
  statusReason: null,
  phoneNumber: "5511987654321",
  pushName: "Loja",
  fingerprint,
  createdAt: new Date("2026-01-02T03:04:05Z"),
  updatedAt: new Date("2026-01-02T03:04:06Z"),
  lastActivityAt: null,
  proxy: { host: "gw.example", port: 7000, country: "BR", health: "HEALTHY", releasedAt: null },
};

describe("toChipView", () => {
  it("is plain JSON: ISO dates, the device, the exit without credentials", () => {
    const view = toChipView(row);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    expect(view).toMatchObject({ createdAt: "2026-01-02T03:04:05.000Z", device: fingerprint, lastActivityAt: null });
    expect(view.proxy).toEqual({ host: "gw.example", port: 7000, country: "BR", health: "HEALTHY" });
  });

  it("hides an exit that was released", () => {
    expect(toChipView({ ...row, proxy: { ...row.proxy, releasedAt: new Date() } }).proxy).toBeNull();
  });

  it("shows no device when the stored fingerprint is unreadable", () => {
    expect(toChipView({ ...row, fingerprint: { platform: 1 } }).device).toBeNull();
  });
});
