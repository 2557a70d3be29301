// CPU and memory of every user's WAHA instance, as the runtime measures them. An instance that is stopped, missing or
// unreadable is reported as such rather than failing the whole table.
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "~/server/db";
import { runtimeKindOf } from "~/server/instances/record-instance-state";
import { getRuntime } from "~/server/waha/runtime/get-runtime";
import type { InstanceStats, WahaRuntime } from "~/server/waha/runtime/types";
import { createCpuMeter, type CpuMeter } from "./cpu-meter";

export type InstanceUsageState = "running" | "not_running" | "unknown";

export type InstanceUsage = {
  userId: string;
  instanceId: string;
  state: InstanceUsageState;
  cpuPercent: number | null;
  memoryBytes: number | null;
  memoryLimitBytes: number | null;
};

export type GetInstanceUsageOptions = {
  /** Defaults to the runtime selected by settings; tests pass their own. */
  runtime?: WahaRuntime;
  /** How long to wait for a second reading when an instance has no recent one (its first view, or after a pause). */
  sampleWindowMs?: number;
  meter?: CpuMeter;
};

type Reading = { state: InstanceUsageState; stats?: InstanceStats; atMs?: number };

// Readings older than this say little about current load: the page polls every ~10 s.
const MAX_READING_AGE_MS = 60_000;
const DEFAULT_SAMPLE_WINDOW_MS = 500;

const cache = globalThis as unknown as { whagoCpuMeter?: CpuMeter };
const sharedMeter = () => (cache.whagoCpuMeter ??= createCpuMeter({ maxAgeMs: MAX_READING_AGE_MS }));

export async function getInstanceUsage(options: GetInstanceUsageOptions = {}): Promise<InstanceUsage[]> {
  const runtime = options.runtime ?? getRuntime();
  const meter = options.meter ?? sharedMeter();
  const rows = await db.wahaInstance.findMany({
    where: { status: { not: "REMOVED" } },
    select: { id: true, userId: true, runtime: true },
  });
  meter.retainOnly(rows.map((r) => r.userId));

  // Rows recorded under another runtime (the deployment switched) cannot be measured by this one.
  const kind = runtimeKindOf(runtime);
  const read = (row: (typeof rows)[number]) =>
    row.runtime === kind ? readStats(runtime, row.userId) : Promise.resolve<Reading>({ state: "unknown" });

  const readings = await Promise.all(rows.map(read));
  const cpu = readings.map((r, i) => record(meter, rows[i]!.userId, r));
  const unrated = rows.flatMap((row, i) => (readings[i]!.stats && cpu[i] === null ? [i] : []));
  if (unrated.length > 0) {
    await sleep(options.sampleWindowMs ?? DEFAULT_SAMPLE_WINDOW_MS);
    const second = await Promise.all(unrated.map((i) => read(rows[i]!)));
    unrated.forEach((rowIndex, j) => {
      readings[rowIndex] = second[j]!;
      cpu[rowIndex] = record(meter, rows[rowIndex]!.userId, second[j]!);
    });
  }

  return rows.map((row, i) => {
    const { state, stats } = readings[i]!;
    return {
      userId: row.userId,
      instanceId: row.id,
      state,
      cpuPercent: cpu[i] ?? null,
      memoryBytes: stats?.memoryBytes ?? null,
      memoryLimitBytes: stats?.memoryLimitBytes ?? null,
    };
  });
}

async function readStats(runtime: WahaRuntime, userId: string): Promise<Reading> {
  try {
    const stats = await runtime.stats(userId);
    return stats ? { state: "running", stats, atMs: Date.now() } : { state: "not_running" };
  } catch (err) {
    console.warn("[admin] could not read instance usage", { userId, error: (err as Error).message });
    return { state: "unknown" };
  }
}

function record(meter: CpuMeter, userId: string, reading: Reading): number | null {
  if (!reading.stats || reading.atMs === undefined) return null;
  return meter.record(userId, { cpuSeconds: reading.stats.cpuSeconds, atMs: reading.atMs });
}
