// What reconciliation must do on a real runtime, written once and run against each runtime's fixture.
import { describe, expect, it } from "vitest";
import { neverReadyEnv, newSpec } from "~/server/waha/runtime/testing/runtime-behaviour.suite";
import { runtimeAroundTests, type RuntimeFixture } from "~/server/waha/runtime/testing/runtime-fixtures";
import { createWorkingSession, waitForSessionStatus } from "~/server/waha/runtime/testing/waha-test-client";
import type { InstanceSpec } from "~/server/waha/runtime/types";
import { applyReconciliation } from "../apply-reconciliation";
import type { DesiredInstance } from "../reconcile-plan";

const wanted = (spec: InstanceSpec, hostPort: number): DesiredInstance => ({ ...spec, hostPort, wantRunning: true });

export async function describeReconcileBehaviour(fixture: RuntimeFixture) {
  const unavailable = await fixture.unavailableReason();
  if (unavailable) console.warn(`\n!!! SKIPPING ${fixture.kind} reconciler tests: ${unavailable} !!!\n`);

  describe.skipIf(!!unavailable)(`reconciler on the ${fixture.kind} runtime`, () => {
    const runtime = runtimeAroundTests(fixture);

    /** A user whose instance runs with one paired (WORKING) session. */
    async function userWithWorkingChip() {
      const spec = newSpec();
      const running = await runtime().ensureRunning(spec);
      await createWorkingSession(running.baseUrl, spec.apiKey, "chip_restore");
      return { spec, running, desired: wanted(spec, running.hostPort) };
    }

    it("restarts a killed instance, whose WORKING session comes back", async () => {
      const { spec, running, desired } = await userWithWorkingChip();
      await fixture.killBehindOurBack(spec.userId);
      expect(await runtime().inspect(spec.userId)).toMatchObject({ state: "stopped" });

      const outcomes = await applyReconciliation({ runtime: runtime(), desired: [desired] });
      const mine = outcomes.find((o) => o.userId === spec.userId);
      expect(mine).toMatchObject({ status: "READY" });
      expect(mine?.running?.baseUrl).toBe(running.baseUrl);
      await waitForSessionStatus(running.baseUrl, spec.apiKey, "chip_restore", "WORKING");
    });

    it("recreates a missing instance, restoring its WORKING session from the kept data", async () => {
      const { spec, running, desired } = await userWithWorkingChip();
      await runtime().remove(spec.userId);
      expect(await runtime().inspect(spec.userId)).toBeNull();

      const outcomes = await applyReconciliation({ runtime: runtime(), desired: [desired] });
      const mine = outcomes.find((o) => o.userId === spec.userId);
      expect(mine).toMatchObject({ status: "READY" });
      expect(mine?.running?.runtimeId).not.toBe(running.runtimeId);
      await waitForSessionStatus(running.baseUrl, spec.apiKey, "chip_restore", "WORKING");
    });

    it("records the state of instances it must not start, and reports failures instead of throwing", async () => {
      const idle = newSpec();
      const idleRunning = await runtime().ensureRunning(idle);
      await runtime().stop(idle.userId);
      const broken = { ...newSpec(), extraEnv: neverReadyEnv("engine stuck") };
      const outcomes = await applyReconciliation({
        runtime: fixture.create({ readyTimeoutMs: 2_000 }),
        desired: [{ ...wanted(idle, idleRunning.hostPort), wantRunning: false }, { ...broken, hostPort: null, wantRunning: true }],
      });
      const byUser = new Map(outcomes.map((o) => [o.userId, o]));
      expect(byUser.get(idle.userId)?.status).toBe("STOPPED");
      expect(byUser.get(broken.userId)).toMatchObject({ status: "FAILED", reason: expect.stringContaining("engine stuck") });
    });

    it("removes orphans and leaves instances without whago's mark alone", async () => {
      const keep = newSpec();
      const orphan = newSpec();
      const [kept] = await Promise.all([runtime().ensureRunning(keep), runtime().ensureRunning(orphan)]);
      const foreign = await fixture.startForeign();
      try {
        const outcomes = await applyReconciliation({ runtime: runtime(), desired: [wanted(keep, kept.hostPort)] });
        expect(outcomes).toContainEqual(expect.objectContaining({ userId: orphan.userId, status: "REMOVED" }));
        expect(await runtime().inspect(orphan.userId)).toBeNull();
        expect(await runtime().inspect(keep.userId)).toMatchObject({ state: "running" });
        expect(await foreign.isAlive()).toBe(true);
      } finally {
        await foreign.dispose();
      }
    });
  });
}
