// One fixture per runtime, so the behavioural suites are written once and run against Docker and local processes.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Docker from "dockerode";
import { afterAll, beforeAll } from "vitest";
import { randomToken } from "~/server/crypto/random";
import { createDockerRuntime } from "../docker";
import { createProcessRuntime } from "../process";
import { isOurProcess, readRecord } from "../process-state";
import type { RuntimeKind, WahaRuntime } from "../types";
import { DOCKER_SOCKET, dockerUnavailableReason, skipReasonOutsideCi } from "./availability";
import { simulatorBundle, simulatorImage } from "./simulator-artifacts";

export type RuntimeOverrides = { readyTimeoutMs?: number };
export type ForeignInstance = { isAlive(): Promise<boolean>; dispose(): Promise<void> };

export type RuntimeFixture = {
  kind: RuntimeKind;
  /** Null when the runtime can run here, else why not; throws instead in CI, where every runtime must run. */
  unavailableReason(): Promise<string | null>;
  setup(): Promise<void>;
  create(overrides?: RuntimeOverrides): WahaRuntime;
  /** Stops an instance behind whago's back, as a crash or an operator would. */
  killBehindOurBack(userId: string): Promise<void>;
  /** Something whago did not create, which it must never touch. */
  startForeign(): Promise<ForeignInstance>;
  cleanup(): Promise<void>;
};

// The simulator multiplies its lifecycle delays by this: a twentieth keeps tests quick.
const simEnv = { WAHA_SIM_TIME_SCALE: "0.05" };

export function dockerFixture(): RuntimeFixture {
  const docker = new Docker({ socketPath: DOCKER_SOCKET });
  const testLabel = { "whago.test-run": `rt-${randomToken(6)}` };
  const testFilter = { label: [`whago.test-run=${testLabel["whago.test-run"]}`] };
  let image = "";

  return {
    kind: "docker",
    unavailableReason: async () => skipReasonOutsideCi(await dockerUnavailableReason(docker), "Tests on the Docker runtime"),
    async setup() {
      image = await simulatorImage(docker);
    },
    create: (overrides = {}) =>
      createDockerRuntime({
        docker,
        image,
        engine: "NOWEB",
        // Below the kernel's ephemeral range (32768+), where outgoing connections could take a port before WAHA binds it.
        portRange: "21000-21899",
        networkMode: "host",
        memoryLimitMb: 256,
        cpuLimit: 0.5,
        readyTimeoutMs: overrides.readyTimeoutMs ?? 30_000,
        env: simEnv,
        extraLabels: testLabel,
      }),
    async killBehindOurBack(userId) {
      const container = docker.getContainer(`waha_user_${userId}`);
      await container.kill();
      // kill returns once the signal is sent; wait until Docker records the container as stopped.
      await container.wait({ condition: "not-running" });
    },
    async startForeign() {
      // Same image and even our test label, but not whago's managed label: it must be left alone.
      const container = await docker.createContainer({
        name: `foreign_${randomToken(6)}`,
        Image: image,
        Labels: testLabel,
        Env: ["WHATSAPP_API_PORT=21999", "WHATSAPP_API_HOSTNAME=127.0.0.1", `WAHA_API_KEY=${randomToken(32)}`],
        HostConfig: { NetworkMode: "host" },
      });
      await container.start();
      return {
        isAlive: async () => (await container.inspect()).State.Running,
        dispose: () => container.remove({ force: true }),
      };
    },
    async cleanup() {
      const containers = await docker.listContainers({ all: true, filters: testFilter });
      await Promise.all(containers.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined)));
      const { Volumes } = await docker.listVolumes({ filters: testFilter });
      await Promise.all((Volumes ?? []).map((v) => docker.getVolume(v.Name).remove().catch(() => undefined)));
    },
  };
}

export function processFixture(): RuntimeFixture {
  let dataDir = "";
  let bundle = "";
  const runtimes: WahaRuntime[] = [];

  return {
    kind: "process",
    unavailableReason: async () =>
      skipReasonOutsideCi(process.platform === "linux" ? null : "the process runtime needs /proc", "Tests on the process runtime"),
    async setup() {
      bundle = await simulatorBundle();
      dataDir = await mkdtemp(join(tmpdir(), "whago-process-runtime-"));
    },
    create(overrides = {}) {
      const runtime = createProcessRuntime({
        command: process.execPath,
        args: [bundle],
        dataDir,
        engine: "NOWEB",
        portRange: "22000-22899",
        readyTimeoutMs: overrides.readyTimeoutMs ?? 30_000,
        env: simEnv,
        stopTimeoutMs: 5_000,
      });
      runtimes.push(runtime);
      return runtime;
    },
    async killBehindOurBack(userId) {
      const dir = join(dataDir, `waha_user_${userId}`);
      const record = await readRecord(dir);
      if (!record?.pid) return;
      process.kill(record.pid, "SIGKILL");
      // The signal is delivered asynchronously: wait (bounded) until the process is really gone.
      for (let i = 0; i < 250 && (await isOurProcess(record.pid, dir)); i++) await new Promise((r) => setTimeout(r, 20));
    },
    async startForeign() {
      const child = spawn(process.execPath, [bundle], {
        cwd: dataDir,
        env: { NODE_ENV: "test", WHATSAPP_API_PORT: "22999", WHATSAPP_API_HOSTNAME: "127.0.0.1" },
        stdio: "ignore",
      });
      return {
        isAlive: async () => child.exitCode === null && child.signalCode === null,
        dispose: async () => void child.kill("SIGKILL"),
      };
    },
    async cleanup() {
      const seen = runtimes[0];
      if (seen) for (const info of await seen.list()) await seen.remove(info.userId, { purgeData: true });
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Sets the fixture up around the calling describe block (or file) and hands out its runtime. */
export function runtimeAroundTests(fixture: RuntimeFixture): () => WahaRuntime {
  let runtime: WahaRuntime | undefined;
  beforeAll(async () => {
    await fixture.setup();
    runtime = fixture.create();
  }, 300_000);
  afterAll(() => fixture.cleanup(), 120_000);
  return () => {
    if (!runtime) throw new Error(`The ${fixture.kind} fixture is not set up yet.`);
    return runtime;
  };
}
