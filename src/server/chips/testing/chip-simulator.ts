// Settings for integration tests that run chips on the real simulator (one local process per user) with webhooks
// coming back through the real route. Free of settings imports: call it before anything reads the settings.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startWebhookReceiver } from "./webhook-receiver";

export type ChipSimulatorOptions = {
  /** Names the data folder, so a leftover one tells which test file it came from. */
  name: string;
  /** Each test file its own range: files run one after another, but a slow clean-up must not collide. */
  portRange: string;
  /** Further settings for this file, applied over the simulator's. */
  settings?: Record<string, string>;
};

export type ChipSimulator = {
  receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  /** Removes these users' instances with their data, closes the receiver and restores the settings. */
  stop(userIds: string[]): Promise<void>;
};

export async function startChipSimulator({ name, portRange, settings = {} }: ChipSimulatorOptions): Promise<ChipSimulator> {
  const dataDir = await mkdtemp(join(tmpdir(), `whago-${name}-`));
  const receiver = await startWebhookReceiver();
  const saved = { ...process.env };
  Object.assign(process.env, {
    WAHA_RUNTIME: "process",
    WAHA_PROCESS_DATA_DIR: dataDir,
    WAHA_PORT_RANGE: portRange,
    WAHA_SIM_TIME_SCALE: "0.1",
    WAHA_READY_TIMEOUT_MS: "15000",
    WHAGO_WEBHOOK_BASE_URL: receiver.baseUrl,
    ...settings,
  });
  return {
    receiver,
    async stop(userIds) {
      const { getRuntime } = await import("~/server/waha/runtime/get-runtime");
      for (const userId of userIds) await getRuntime().remove(userId, { purgeData: true });
      await receiver.close();
      await rm(dataDir, { recursive: true, force: true });
      process.env = saved;
    },
  };
}
