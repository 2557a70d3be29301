// What a user can do to a chip in WAHA: restart (also the "try again" after FAILED), log out, pair by code.
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { isWahaError } from "~/server/waha/errors";
import { loadChipInstance, wahaClientFor } from "./chip-instance";
import { type ChipRef, findOwnedChip } from "./chip-queries";
import { forgetChipQr } from "./chip-qr";
import { publishChipView, setChipStatus } from "./chip-status";
import type { ChipView } from "./chip-view";
import { startProvisioning } from "./create-chip";

export type RequestChipPairingCodeOptions = ChipRef & { phoneNumber: string };

/** Restarts the session; a chip that failed to set up, or whose session is gone, is set up again from scratch. */
export async function restartChip(ref: ChipRef): Promise<ChipView> {
  const chip = await findOwnedChip(ref);
  const instance = await loadChipInstance(chip.instanceId);
  forgetChipQr(chip.id);
  if (!instance || chip.status === "FAILED" || chip.status === "CREATING") return reprovision(chip.id);
  try {
    await wahaClientFor(instance).restartSession(chip.sessionName);
  } catch (err) {
    if (isWahaError(err, "not_found")) return reprovision(chip.id);
    throw err;
  }
  return publishChipView(chip.id);
}

/** Unpairs the phone; WAHA keeps the session and shows a new QR. */
export async function logoutChip(ref: ChipRef): Promise<ChipView> {
  const chip = await findOwnedChip(ref);
  const instance = await loadChipInstance(chip.instanceId);
  if (!instance) throw new AppError("CONFLICT", "chip_not_ready");
  await wahaClientFor(instance).logoutSession(chip.sessionName);
  await db.chip.update({ where: { id: chip.id }, data: { phoneNumber: null, pushName: null } });
  return publishChipView(chip.id);
}

/** The 8-character code the user types on the phone instead of scanning (only while the QR is shown). */
export async function requestChipPairingCode({ phoneNumber, ...ref }: RequestChipPairingCodeOptions) {
  const digits = phoneNumber.replace(/\D/g, "");
  if (digits.length < 10 || digits.length > 15) throw new AppError("BAD_REQUEST", "invalid_phone_number");
  const chip = await findOwnedChip(ref);
  if (chip.status !== "SCAN_QR_CODE") throw new AppError("CONFLICT", "chip_not_scanning");
  const instance = await loadChipInstance(chip.instanceId);
  if (!instance) throw new AppError("CONFLICT", "chip_not_scanning");
  const { code } = await wahaClientFor(instance).requestPairingCode(chip.sessionName, digits);
  return { code };
}

async function reprovision(chipId: string): Promise<ChipView> {
  const view = await setChipStatus(chipId, "CREATING");
  startProvisioning(chipId);
  return view;
}
