// WAHA instances as local child processes (the simulator, by default): the zero-setup runtime.
import { spawn } from "node:child_process";
import { mkdir, open, readdir, readFile, rm } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";
import { AppError } from "~/server/errors";
import { instanceName, specFingerprint } from "./instance-identity";
import { createKeyedLock } from "./keyed-lock";
import { lastLines, redactSecrets } from "./log-tail";
import { createPortReservations, parsePortRange, type PortRange } from "./port-allocator";
import * as state from "./process-state";
import { waitForWahaReady } from "./readiness";
import type { EnsureOptions, InstanceInfo, InstanceSpec, RunningInstance, WahaRuntime } from "./types";
import { wahaEnv } from "./waha-env";

export type ProcessRuntimeOptions = {
  /** Absolute executable path and arguments, never a shell string (e.g. process.execPath and the simulator bundle). */
  command: string;
  args: string[];
  dataDir: string;
  engine: string;
  portRange: PortRange | string;
  readyTimeoutMs: number;
  env?: Record<string, string>;
  stopTimeoutMs?: number;
  logLines?: number;
};

// One lock per instance folder for the whole process: two runtime objects on one folder must not both spawn.
const withDirLock = createKeyedLock();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createProcessRuntime(config: ProcessRuntimeOptions): WahaRuntime {
  // The instance gets no PATH (the simulator spawns nothing): which program runs must not depend on a PATH lookup.
  if (!isAbsolute(config.command)) {
    throw new AppError("BAD_REQUEST", `The WAHA process command must be an absolute path, got "${config.command}".`);
  }
  const root = resolve(config.dataDir);
  const range = typeof config.portRange === "string" ? parsePortRange(config.portRange) : config.portRange;
  const ports = createPortReservations();
  const dirOf = (userId: string) => join(root, instanceName(userId));

  const fingerprint = (spec: InstanceSpec, hostPort: number) =>
    specFingerprint({
      command: JSON.stringify([config.command, ...config.args]),
      engine: config.engine,
      env: JSON.stringify({ ...config.env, ...spec.extraEnv }),
      instanceId: spec.instanceId,
      hostPort,
      apiKey: spec.apiKey,
    });

  async function readLogs(dir: string, apiKey: string): Promise<string> {
    const text = await readFile(join(dir, state.LOG_FILE), "utf8").catch(() => "");
    return redactSecrets(lastLines(text, config.logLines ?? 30), [apiKey]);
  }

  async function claimedPorts(): Promise<number[]> {
    const records = await Promise.all((await instanceDirs()).map((dir) => state.readRecord(dir)));
    return records.flatMap((r) => (r ? [r.hostPort] : []));
  }

  async function instanceDirs(): Promise<string[]> {
    const names = await readdir(root).catch(() => [] as string[]);
    return names.filter((n) => n.startsWith("waha_user_")).map((n) => join(root, n));
  }

  async function terminate(record: state.ProcessInstanceRecord | null, dir: string): Promise<void> {
    if (!record || !(await state.isOurProcess(record.pid, dir))) return;
    process.kill(record.pid!, "SIGTERM");
    const deadline = Date.now() + (config.stopTimeoutMs ?? 10_000);
    for (let i = 0; i < 1_000 && Date.now() < deadline; i++) {
      if (!(await state.isOurProcess(record.pid, dir))) return;
      await sleep(20);
    }
    if (await state.isOurProcess(record.pid, dir)) process.kill(record.pid!, "SIGKILL");
  }

  async function launch(dir: string, spec: InstanceSpec, hostPort: number): Promise<number> {
    await mkdir(join(dir, state.SESSIONS_DIR), { recursive: true });
    const log = await open(join(dir, state.LOG_FILE), "a");
    try {
      const env = wahaEnv({
        name: instanceName(spec.userId),
        apiKey: spec.apiKey,
        engine: config.engine,
        listenPort: hostPort,
        hostname: "127.0.0.1",
        base: config.env,
        extra: spec.extraEnv,
      });
      // Only what the instance needs: whago's own secrets (database, encryption key) stay out of its environment.
      const child = spawn(config.command, config.args, {
        cwd: dir,
        env: {
          NODE_ENV: "production",
          ...env,
          WAHA_SIM_DATA_DIR: join(dir, state.SESSIONS_DIR),
          [state.INSTANCE_MARKER]: dir,
        },
        stdio: ["ignore", log.fd, log.fd],
        // Its own process group, like a container: it outlives a restart of whago and is found again by its record.
        detached: true,
      });
      child.unref();
      const pid = await new Promise<number>((ok, fail) => {
        child.once("spawn", () => ok(child.pid!));
        child.once("error", (err) => fail(new AppError("INTERNAL", `Cannot start ${config.command}: ${err.message}`)));
      });
      const { userId, instanceId } = spec;
      await state.writeRecord(dir, { userId, instanceId, hostPort, pid, fingerprint: fingerprint(spec, hostPort) });
      return pid;
    } finally {
      await log.close();
    }
  }

  async function provision(spec: InstanceSpec, { onProgress }: EnsureOptions): Promise<RunningInstance> {
    const name = instanceName(spec.userId);
    const dir = dirOf(spec.userId);
    let record = await state.readRecord(dir);
    if (record && record.fingerprint !== fingerprint(spec, spec.hostPort ?? record.hostPort)) {
      // The spec changed (key, port…): replace the process; the sessions folder stays.
      await terminate(record, dir);
      record = null;
    }
    let pid = record?.pid ?? null;
    let hostPort = spec.hostPort ?? record?.hostPort;
    if (!(await state.isOurProcess(pid, dir))) {
      onProgress?.({ step: record ? "starting" : "creating" });
      const reserved = hostPort === undefined ? await ports.reserve(range, claimedPorts) : undefined;
      hostPort ??= reserved!;
      try {
        if (!record) onProgress?.({ step: "starting" });
        pid = await launch(dir, spec, hostPort);
      } finally {
        if (reserved !== undefined) ports.release(reserved);
      }
    }
    const baseUrl = `http://127.0.0.1:${hostPort}`;
    onProgress?.({ step: "waiting_ready" });
    await waitForWahaReady({
      baseUrl,
      apiKey: spec.apiKey,
      name,
      timeoutMs: config.readyTimeoutMs,
      isAlive: () => state.isOurProcess(pid, dir),
      readLogs: () => readLogs(dir, spec.apiKey),
    });
    onProgress?.({ step: "ready" });
    return { name, runtimeId: String(pid), baseUrl, apiKey: spec.apiKey, hostPort: hostPort! };
  }

  async function describe(dir: string): Promise<InstanceInfo | null> {
    const record = await state.readRecord(dir);
    if (!record) return null;
    const running = await state.isOurProcess(record.pid, dir);
    return {
      name: instanceName(record.userId),
      runtimeId: String(record.pid ?? ""),
      userId: record.userId,
      instanceId: record.instanceId,
      hostPort: record.hostPort,
      state: running ? "running" : "stopped",
      detail: running ? `running (pid ${record.pid})` : "exited",
    };
  }

  return {
    kind: "process",
    image: [config.command, ...config.args].join(" "),

    ensureRunning(spec, options = {}) {
      return withDirLock(dirOf(spec.userId), async () => {
        try {
          return await provision(spec, options);
        } catch (err) {
          options.onProgress?.({ step: "failed", message: (err as Error).message });
          throw err;
        }
      });
    },

    stop(userId) {
      const dir = dirOf(userId);
      return withDirLock(dir, async () => terminate(await state.readRecord(dir), dir));
    },

    remove(userId, { purgeData = false } = {}) {
      const dir = dirOf(userId);
      return withDirLock(dir, async () => {
        await terminate(await state.readRecord(dir), dir);
        if (purgeData) await rm(dir, { recursive: true, force: true });
        else await rm(state.recordPath(dir), { force: true });
      });
    },

    inspect: (userId) => describe(dirOf(userId)),

    async list() {
      const infos = await Promise.all((await instanceDirs()).map(describe));
      return infos.filter((i): i is InstanceInfo => i !== null);
    },

    async stats(userId) {
      const info = await describe(dirOf(userId));
      if (info?.state !== "running") return null;
      const usage = await state.readProcessStats(Number(info.runtimeId));
      return { ...usage, memoryLimitBytes: null };
    },
  };
}
