// Background health checks: every interval each assigned exit is probed; a failure is confirmed by quick re-checks,
// and an exit that reaches the failure threshold is rotated. A dead exit is thus replaced at most one interval plus
// (threshold − 1) confirmation pauses after it dies.
import { db } from "~/server/db";
import { isAppError } from "~/server/errors";
import { rotateProxy } from "./assign-proxy";
import { checkProxy } from "./check-proxy";
import { isDefinitiveFailure, needsRotation } from "./health-rules";
import { type ProxySettings, proxySettingsFromEnv } from "./proxy-settings";

/** Moves a chip to a new exit; the server start passes the chips domain's, which also updates the WAHA session. */
export type RotateChipProxy = (args: { userId: string; chipId: string }) => Promise<unknown>;

export type CheckAllProxiesOptions = {
  settings?: ProxySettings;
  rotate?: RotateChipProxy;
  /** Probes in flight at once, so a large pool does not open hundreds of tunnels together. */
  concurrency?: number;
  confirmDelayMs?: number;
  timeoutMs?: number;
};

export type CheckAllSummary = { checked: number; healthy: number; unhealthy: number; rotated: number };

const DEFAULT_CONCURRENCY = 8;
const MAX_CONFIRM_DELAY_MS = 5_000;

export async function checkAllProxies(options: CheckAllProxiesOptions = {}): Promise<CheckAllSummary> {
  const settings = options.settings ?? proxySettingsFromEnv();
  const summary: CheckAllSummary = { checked: 0, healthy: 0, unhealthy: 0, rotated: 0 };
  if (!settings.checkTarget) return summary;
  const active = await db.proxyAssignment.findMany({ where: { releasedAt: null }, select: { id: true } });
  await forEachWithConcurrency(active, options.concurrency ?? DEFAULT_CONCURRENCY, async ({ id }) => {
    const outcome = await checkConfirmingFailures(id, settings, options);
    if (!outcome) return;
    summary.checked++;
    if (outcome === "healthy") summary.healthy++;
    else summary.unhealthy++;
    if (outcome === "rotated") summary.rotated++;
  });
  return summary;
}

type Outcome = "healthy" | "unhealthy" | "rotated" | null;

async function checkConfirmingFailures(id: string, settings: ProxySettings, options: CheckAllProxiesOptions): Promise<Outcome> {
  const threshold = settings.failureThreshold;
  const pause = options.confirmDelayMs ?? Math.min(MAX_CONFIRM_DELAY_MS, settings.checkIntervalMs / (2 * threshold));
  for (let attempt = 1; attempt <= threshold; attempt++) {
    const checked = await checkProxy({ assignmentId: id, settings, timeoutMs: options.timeoutMs }).catch(logFailure("check", id));
    if (!checked) return null; // released meanwhile, or the database hiccuped: the next pass sees it again
    const { assignment, result } = checked;
    if (result.ok) return "healthy";
    if (needsRotation(assignment, threshold)) return (await rotateLogged(assignment, options)) ? "rotated" : "unhealthy";
    if (isDefinitiveFailure(result.reason) || attempt === threshold) return "unhealthy";
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
  return "unhealthy";
}

async function rotateLogged(
  assignment: { id: string; userId: string; chipId: string | null; healthReason: string | null },
  options: CheckAllProxiesOptions,
): Promise<boolean> {
  if (!assignment.chipId) return false;
  const rotate = options.rotate ?? ((args) => rotateProxy({ ...args, settings: options.settings }));
  console.warn(`[proxies] exit ${assignment.id} unhealthy (${assignment.healthReason}); rotating chip ${assignment.chipId}`);
  const done = await rotate({ userId: assignment.userId, chipId: assignment.chipId }).then(() => true, logFailure("rotate", assignment.id));
  return done === true;
}

export type ProxyHealthLoop = { stop(): void };

export type StartProxyHealthLoopOptions = Omit<CheckAllProxiesOptions, "settings"> & { settings?: ProxySettings };

/** Starts the interval; the timer is unref'd so it never keeps a process alive, and passes never overlap. */
export function startProxyHealthLoop(options: StartProxyHealthLoopOptions = {}): ProxyHealthLoop {
  const settings = options.settings ?? proxySettingsFromEnv();
  if (!settings.checkTarget || settings.checkIntervalMs <= 0) {
    console.info("[proxies] health checks off (set PROXY_CHECK_TARGET and PROXY_CHECK_INTERVAL_MS to enable)");
    return { stop: () => undefined };
  }
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void checkAllProxies({ ...options, settings })
      .catch(logFailure("pass", "all"))
      .finally(() => {
        running = false;
      });
  }, settings.checkIntervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** Logs which step failed and a safe description: never a raw error, whose text may quote query arguments. */
function logFailure(step: string, id: string) {
  return (err: unknown): null => {
    const what = isAppError(err) ? `${err.code} ${err.message}` : err instanceof Error ? err.name : "unknown error";
    console.error(`[proxies] ${step} failed for ${id}: ${what}`);
    return null;
  };
}

async function forEachWithConcurrency<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
