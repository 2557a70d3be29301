// The behaviour every WahaRuntime must show, written once and run against each runtime's fixture.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { randomToken } from "~/server/crypto/random";
import type { InstanceSpec, ProvisioningStep } from "../types";
import { runtimeAroundTests, type RuntimeFixture } from "./runtime-fixtures";
import { wahaRequest } from "./waha-test-client";

export const newSpec = (): InstanceSpec => ({ userId: randomUUID(), instanceId: randomUUID(), apiKey: randomToken(32) });

/** A preload that logs and then never lets WAHA boot: readiness must time out and report the log. */
export const neverReadyEnv = (marker: string) => ({
  NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(
    `console.log(${JSON.stringify(marker)}); setInterval(() => {}, 1000); await new Promise(() => {});`,
  )}`,
});

export async function describeRuntimeBehaviour(fixture: RuntimeFixture) {
  const unavailable = await fixture.unavailableReason();
  if (unavailable) console.warn(`\n!!! SKIPPING ${fixture.kind} runtime tests: ${unavailable} !!!\n`);

  describe.skipIf(!!unavailable)(`${fixture.kind} runtime`, () => {
    const runtime = runtimeAroundTests(fixture);

    it("ensure starts an instance that answers with its own key only, reporting each step", async () => {
      const spec = newSpec();
      const steps: ProvisioningStep[] = [];
      const running = await runtime().ensureRunning(spec, { onProgress: (e) => steps.push(e.step) });

      expect(running.baseUrl).toBe(`http://127.0.0.1:${running.hostPort}`);
      expect(running.apiKey).toBe(spec.apiKey);
      expect(steps).toEqual(expect.arrayContaining(["creating", "starting", "waiting_ready", "ready"]));
      expect(steps.at(-1)).toBe("ready");
      expect((await wahaRequest(running.baseUrl, null, "GET", "/ping")).status).toBe(200);
      expect((await wahaRequest(running.baseUrl, spec.apiKey, "GET", "/api/sessions")).status).toBe(200);
      expect((await wahaRequest(running.baseUrl, randomToken(32), "GET", "/api/sessions")).status).toBe(401);

      const info = await runtime().inspect(spec.userId);
      expect(info).toMatchObject({ userId: spec.userId, instanceId: spec.instanceId, state: "running" });
      expect((await runtime().list()).map((i) => i.userId)).toContain(spec.userId);
      expect((await runtime().stats(spec.userId))?.memoryBytes).toBeGreaterThan(0);
    });

    it("ensure on a running instance changes nothing", async () => {
      const spec = newSpec();
      const first = await runtime().ensureRunning(spec);
      const steps: ProvisioningStep[] = [];
      const second = await runtime().ensureRunning(spec, { onProgress: (e) => steps.push(e.step) });
      expect(second).toEqual(first);
      expect(steps).toEqual(["waiting_ready", "ready"]);
    });

    it("provisions 20 users concurrently on 20 different ports", async () => {
      const specs = Array.from({ length: 20 }, newSpec);
      const running = await Promise.all(specs.map((spec) => runtime().ensureRunning(spec)));
      expect(new Set(running.map((r) => r.hostPort)).size).toBe(20);
      // Each port answers to its own user's key: no two instances ended up behind one port.
      const answers = await Promise.all(
        running.map((r) => wahaRequest(r.baseUrl, r.apiKey, "GET", "/api/sessions").then((a) => a.status)),
      );
      expect(answers).toEqual(Array(20).fill(200));
    }, 180_000);

    it("makes exactly one instance when two runtimes ensure the same user at once", async () => {
      const spec = newSpec();
      const [a, b] = await Promise.all([fixture.create().ensureRunning(spec), fixture.create().ensureRunning(spec)]);
      expect(a.runtimeId).toBe(b.runtimeId);
      expect((await runtime().list()).filter((i) => i.userId === spec.userId)).toHaveLength(1);
    });

    it("on readiness timeout, fails clearly with the instance's last log lines", async () => {
      const spec = { ...newSpec(), extraEnv: neverReadyEnv("still warming up the engine") };
      const failures: string[] = [];
      const attempt = fixture
        .create({ readyTimeoutMs: 3_000 })
        .ensureRunning(spec, { onProgress: (e) => e.step === "failed" && failures.push(e.message ?? "") });
      await expect(attempt).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
      await expect(attempt).rejects.toThrow(/not ready within 3000 ms[\s\S]*still warming up the engine/);
      expect(failures).toHaveLength(1);
      expect(failures[0]).not.toContain(spec.apiKey);
    });

    it("stop and remove succeed however often they are repeated", async () => {
      const spec = newSpec();
      await runtime().ensureRunning(spec);
      await runtime().stop(spec.userId);
      await runtime().stop(spec.userId);
      expect(await runtime().inspect(spec.userId)).toMatchObject({ state: "stopped" });
      expect(await runtime().stats(spec.userId)).toBeNull();
      await runtime().remove(spec.userId);
      await runtime().remove(spec.userId, { purgeData: true });
      expect(await runtime().inspect(spec.userId)).toBeNull();
      const stranger = randomUUID();
      await expect(runtime().stop(stranger)).resolves.toBeUndefined();
      await expect(runtime().remove(stranger)).resolves.toBeUndefined();
    });

    it("restarts a stopped instance on the same port", async () => {
      const spec = newSpec();
      const first = await runtime().ensureRunning(spec);
      await runtime().stop(spec.userId);
      const again = await runtime().ensureRunning(spec);
      expect(again.hostPort).toBe(first.hostPort);
      expect((await wahaRequest(again.baseUrl, spec.apiKey, "GET", "/api/sessions")).status).toBe(200);
    });
  });
}
