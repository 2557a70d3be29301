// Instance usage read from a real process runtime running the WAHA simulator.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureUserInstance } from "~/server/instances/ensure-user-instance";
import { createProcessRuntime } from "~/server/waha/runtime/process";
import { simulatorBundle } from "~/server/waha/runtime/testing/simulator-artifacts";
import type { WahaRuntime } from "~/server/waha/runtime/types";
import { createCpuMeter } from "./cpu-meter";
import { getInstanceUsage } from "./get-instance-usage";
import { createInstanceRow, createTestAccount } from "./testing";

const portRange = { from: 24_100, to: 24_149 };
let dataDir = "";
let runtime: WahaRuntime;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "whago-admin-usage-"));
  runtime = createProcessRuntime({
    command: process.execPath,
    args: [await simulatorBundle()],
    dataDir,
    engine: "NOWEB",
    portRange: `${portRange.from}-${portRange.to}`,
    readyTimeoutMs: 30_000,
    env: { WAHA_SIM_TIME_SCALE: "0.05" },
    stopTimeoutMs: 5_000,
  });
}, 300_000);

afterAll(async () => {
  for (const info of await runtime.list()) await runtime.remove(info.userId, { purgeData: true });
  await rm(dataDir, { recursive: true, force: true });
}, 120_000);

describe("getInstanceUsage", () => {
  it("measures running instances and reports stopped and unmeasurable ones without failing", async () => {
    const [running, stopped, elsewhere] = await Promise.all([1, 2, 3].map(() => createTestAccount()));
    const { instanceId } = await ensureUserInstance({ userId: running!.id, runtime, portRange });
    await ensureUserInstance({ userId: stopped!.id, runtime, portRange });
    await runtime.stop(stopped!.id);
    // Recorded under Docker while this deployment runs processes: this runtime cannot see it.
    await createInstanceRow(elsewhere!.id, "DOCKER");

    const usage = await getInstanceUsage({ runtime, sampleWindowMs: 200, meter: createCpuMeter({ maxAgeMs: 60_000 }) });
    const of = (userId: string) => usage.find((u) => u.userId === userId);

    const measured = of(running!.id)!;
    expect(measured).toMatchObject({ instanceId, state: "running", memoryLimitBytes: null });
    expect(measured.memoryBytes).toBeGreaterThan(1024 * 1024);
    expect(measured.cpuPercent).toBeTypeOf("number");
    expect(measured.cpuPercent).toBeGreaterThanOrEqual(0);
    expect(of(stopped!.id)).toMatchObject({ state: "not_running", cpuPercent: null, memoryBytes: null });
    expect(of(elsewhere!.id)).toMatchObject({ state: "unknown", cpuPercent: null, memoryBytes: null });
  });
});
