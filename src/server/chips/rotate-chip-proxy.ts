// Rotating a chip's exit all the way to WAHA: the proxies pool hands out the new exit, then the chip's session config
// is re-sent with it. WAHA restarts a running session on that update; a paired chip keeps its auth and comes back
// WORKING without a new QR.
import type { ProxyAssignment } from "~/generated/prisma/client";
import { type ProxySettings, type ProxyView, rotateProxy, toProxyView } from "~/server/proxies";
import { isWahaError } from "~/server/waha/errors";
import { loadChipInstance, wahaClientFor } from "./chip-instance";
import { type ChipRef, findOwnedChip } from "./chip-queries";
import { sessionConfigForChip } from "./session-config";

export type RotateChipProxyOptions = ChipRef & { settings?: ProxySettings };

/**
 * A new exit for the chip, applied to its WAHA session. The database moves first: the old exit is already judged
 * bad, so if WAHA cannot be reached the chip still gets the new exit on its next start or restart.
 */
export async function rotateChipProxy({ userId, chipId, settings }: RotateChipProxyOptions): Promise<ProxyView> {
  const chip = await findOwnedChip({ userId, chipId });
  const assignment = await rotateProxy({ userId, chipId, settings });
  await applyProxyToSession(chip, assignment);
  return toProxyView(assignment);
}

type OwnedChip = Awaited<ReturnType<typeof findOwnedChip>>;

async function applyProxyToSession(chip: OwnedChip, assignment: ProxyAssignment): Promise<void> {
  // A chip still being set up reads its exit from the database when its session is created.
  if (chip.status === "CREATING") return;
  const instance = await loadChipInstance(chip.instanceId);
  if (!instance) return;
  const config = sessionConfigForChip({ chip, instance, proxy: assignment });
  if (!config) return;
  try {
    await wahaClientFor(instance).updateSession(chip.sessionName, { config });
  } catch (err) {
    // No session (setup failed and cleaned up): the next restart creates it with the new exit.
    if (!isWahaError(err, "not_found")) throw err;
  }
}
