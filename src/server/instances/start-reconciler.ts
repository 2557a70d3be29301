// Runs the reconciler at start and then on an interval; one pass at a time, and the timer never keeps Node alive.
import { env } from "~/env";
import type { WahaRuntime } from "~/server/waha/runtime/types";
import { reconcileInstances } from "./reconcile-instances";

export type StartReconcilerOptions = {
  intervalMs?: number;
  runtime?: WahaRuntime;
  onError?: (err: unknown) => void;
  /** Runs after each pass (even a failed one), inside the same one-at-a-time slot: work that needs running instances. */
  afterPass?: () => Promise<unknown>;
};

export type ReconcilerHandle = { stop(): void; runNow(): Promise<void> };

const cache = globalThis as unknown as { whagoReconciler?: ReconcilerHandle };

export function startReconciler(options: StartReconcilerOptions = {}): ReconcilerHandle {
  // One per process, even across dev reloads.
  if (cache.whagoReconciler) return cache.whagoReconciler;
  const intervalMs = options.intervalMs ?? env.WAHA_RECONCILE_INTERVAL_MS;
  const onError = options.onError ?? ((err: unknown) => console.error("[reconciler]", (err as Error).message));
  let running: Promise<void> | null = null;

  const runNow = () => {
    // A slow pass (real WAHA can take minutes to boot) is not overlapped by the next tick.
    running ??= reconcileInstances({ runtime: options.runtime })
      .then(() => undefined, onError)
      .then(() => options.afterPass?.())
      .then(() => undefined, onError)
      .finally(() => (running = null));
    return running;
  };

  void runNow();
  const timer = intervalMs > 0 ? setInterval(() => void runNow(), intervalMs) : null;
  timer?.unref();

  const handle: ReconcilerHandle = {
    runNow,
    stop() {
      if (timer) clearInterval(timer);
      if (cache.whagoReconciler === handle) delete cache.whagoReconciler;
    },
  };
  cache.whagoReconciler = handle;
  return handle;
}
