import { env } from "~/env";
import { pruneWebhookEvents, rotateChipProxy, syncChipStatuses, webhookEventRetentionCutoff } from "~/server/chips";
import { startReconciler } from "~/server/instances/start-reconciler";
import { startProxyHealthLoop } from "~/server/proxies";
import { usesWahaSimulator } from "~/server/waha/simulated";

/** One line per moving part, so an operator sees at a glance whether embedded stand-ins are in use. */
export async function logStartupSummary() {
  const db = env.WHAGO_EMBEDDED_DB
    ? "EMBEDDED PGlite (zero-setup default; set DATABASE_URL to a real PostgreSQL for production)"
    : `PostgreSQL at ${new URL(env.DATABASE_URL).host}`;
  const waha =
    env.WAHA_RUNTIME === "process"
      ? "WAHA SIMULATOR as local processes (zero-setup default; WAHA_RUNTIME=docker runs devlikeapro/waha)"
      : `Docker containers of ${env.WAHA_IMAGE}${usesWahaSimulator() ? " (the WAHA SIMULATOR image)" : ""}`;
  const limits =
    env.RATE_LIMIT_BACKEND === "memory"
      ? "IN-PROCESS store (zero-setup default; RATE_LIMIT_BACKEND=redis or upstash for production)"
      : env.RATE_LIMIT_BACKEND;
  console.log(`[whago] database: ${db}`);
  console.log(`[whago] WAHA: ${waha}`);
  console.log(`[whago] rate limits: ${limits}`);
}

/** The reconciler keeps every user's WAHA instance running as the database wants it; proxies are checked on a timer. */
export function startBackgroundLoops() {
  startReconciler({ afterPass: afterReconcilerPass });
  // Exits that keep failing are rotated through the chips domain, so the WAHA session follows the new exit.
  startProxyHealthLoop({ rotate: rotateChipProxy });
}

// The reconciler passes every few seconds; old webhook dedupe rows only need clearing now and then.
const PRUNE_EVERY_MS = 60 * 60_000;
let lastPruneAt = 0;

async function afterReconcilerPass() {
  try {
    // After each pass the instances are up, so chip statuses missed while whago was down can be read back from WAHA.
    await syncChipStatuses();
  } finally {
    if (Date.now() - lastPruneAt >= PRUNE_EVERY_MS) {
      lastPruneAt = Date.now();
      await pruneWebhookEvents({ olderThan: webhookEventRetentionCutoff() });
    }
  }
}
