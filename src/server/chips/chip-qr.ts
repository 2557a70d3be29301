// The chip's current QR: fetched from WAHA when a SCAN_QR_CODE event arrives, pushed to open pages, and kept in
// memory with its deadline so a page opened later shows the same code and countdown.
import { env } from "~/env";
import { AppError } from "~/server/errors";
import { isWahaError } from "~/server/waha/errors";
import { publishChipEvent, type ChipQrView } from "./chip-bus";
import { type ChipInstance, loadChipInstance, wahaClientFor } from "./chip-instance";
import { type ChipRef, findOwnedChip } from "./chip-queries";
import { NEXT_QR_LIFETIME_MS, qrLifetimeMs } from "./qr-deadline";

export type ChipQrImage = { mimetype: "image/png"; data: string };

const store = globalThis as unknown as { whagoChipQrs?: Map<string, ChipQrView & { eventAt: number }> };
const qrs = () => (store.whagoChipQrs ??= new Map());

/** The QR as base64 PNG, for API clients (the old system's GET /chips/{id}/qr). */
export async function getChipQr(ref: ChipRef): Promise<ChipQrImage> {
  const chip = await findOwnedChip(ref);
  if (chip.status !== "SCAN_QR_CODE") throw new AppError("CONFLICT", "chip_not_scanning");
  const instance = await loadChipInstance(chip.instanceId);
  if (!instance) throw new AppError("CONFLICT", "chip_not_scanning");
  const image = await fetchQrImage(instance, chip.sessionName);
  return { mimetype: "image/png", data: image.data };
}

export type RefreshChipQrOptions = {
  userId: string;
  chipId: string;
  sessionName: string;
  instance: ChipInstance;
  /** WAHA timestamp (ms) of the SCAN_QR_CODE event; an older refresh never replaces a newer QR. */
  eventAt: number;
  expiresAt: number;
  lifetimeMs: number;
};

/** Fetches the code WAHA shows now and pushes it; a session that already moved on is not an error. */
export async function refreshChipQr(options: RefreshChipQrOptions): Promise<void> {
  const { userId, chipId, sessionName, instance, eventAt, expiresAt, lifetimeMs } = options;
  let image: { data: string };
  try {
    image = await fetchQrImage(instance, sessionName);
  } catch (err) {
    if (isWahaError(err)) return;
    throw err;
  }
  const cached = qrs().get(chipId);
  if (cached && cached.eventAt > eventAt) return;
  const qr: ChipQrView = { mimetype: "image/png", data: image.data, expiresAt, lifetimeMs };
  qrs().set(chipId, { ...qr, eventAt });
  publishChipEvent(userId, chipId, { type: "qr", chipId, qr });
}

export function forgetChipQr(chipId: string): void {
  qrs().delete(chipId);
}

/** For a page that connects while the chip waits for a scan: the pushed QR, or a fresh one from WAHA. */
export async function currentChipQr(options: {
  chipId: string;
  sessionName: string;
  instanceId: string | null;
  statusEventAt: bigint | null;
}): Promise<ChipQrView | null> {
  const cached = qrs().get(options.chipId);
  if (cached && cached.expiresAt > Date.now()) {
    const { eventAt: _eventAt, ...qr } = cached;
    return qr;
  }
  const instance = await loadChipInstance(options.instanceId);
  if (!instance) return null;
  try {
    const image = await fetchQrImage(instance, options.sessionName);
    // Whether this is a first or a rotated code is unknown here: the shorter lifetime never overstates the time left.
    const lifetimeMs = qrLifetimeMs(true, env.WAHA_SIM_TIME_SCALE);
    const from = options.statusEventAt ? Number(options.statusEventAt) : Date.now();
    const expiresAt = Math.max(from + NEXT_QR_LIFETIME_MS * env.WAHA_SIM_TIME_SCALE, Date.now());
    return { mimetype: "image/png", data: image.data, expiresAt, lifetimeMs };
  } catch (err) {
    if (isWahaError(err)) return null;
    throw err;
  }
}

function fetchQrImage(instance: ChipInstance, sessionName: string) {
  return wahaClientFor(instance).getQrImage(sessionName);
}
