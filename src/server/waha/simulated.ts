import { env } from "~/env";

/** True when WAHA is the simulator (local processes, or its image standing in for devlikeapro/waha). */
export function usesWahaSimulator(): boolean {
  return env.WAHA_RUNTIME === "process" || env.WAHA_IMAGE.includes("waha-sim");
}
