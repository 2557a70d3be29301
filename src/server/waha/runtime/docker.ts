// WAHA instances as Docker containers, through the dockerode API only.
import type Docker from "dockerode";
import type { ContainerInspectInfo } from "dockerode";
import { AppError } from "~/server/errors";
import { dockerStatusCode, getDockerClient, ignoreDockerStatus } from "./docker-client";
import { buildContainerOptions, CONTAINER_PORT, containerFingerprint, type DockerInstanceSettings } from "./docker-container-spec";
import { ensureImage } from "./docker-image";
import { instanceName, LABELS, sessionsVolumeName } from "./instance-identity";
import { createKeyedLock } from "./keyed-lock";
import { demuxDockerLog, lastLines, redactSecrets } from "./log-tail";
import { createPortReservations, parsePortRange, type PortRange } from "./port-allocator";
import { waitForWahaReady } from "./readiness";
import type { EnsureOptions, InstanceInfo, InstanceSpec, RunningInstance, WahaRuntime } from "./types";

export type DockerRuntimeOptions = Partial<Omit<DockerInstanceSettings, "image" | "engine">> & {
  image: string;
  engine: string;
  portRange: PortRange | string;
  readyTimeoutMs: number;
  docker?: Docker;
  socketPath?: string;
  logLines?: number;
  /** "host-port": http://127.0.0.1:<hostPort> (whago on the host); "container-name": http://<name>:3000 (whago on the same Docker network). */
  reachBy?: "host-port" | "container-name";
};

export function createDockerRuntime(config: DockerRuntimeOptions): WahaRuntime {
  const docker = config.docker ?? getDockerClient(config.socketPath ?? "/var/run/docker.sock");
  const range = typeof config.portRange === "string" ? parsePortRange(config.portRange) : config.portRange;
  const logLines = config.logLines ?? 30;
  const settings: DockerInstanceSettings = {
    image: config.image,
    engine: config.engine,
    networkMode: config.networkMode ?? "host",
    memoryLimitMb: config.memoryLimitMb ?? 1024,
    cpuLimit: config.cpuLimit ?? 1,
    restartPolicy: config.restartPolicy ?? "unless-stopped",
    env: config.env ?? {},
    extraLabels: config.extraLabels ?? {},
  };
  const ownLabelFilter = [`${LABELS.managed}=true`, ...Object.entries(settings.extraLabels).map(([k, v]) => `${k}=${v}`)];
  const withUserLock = createKeyedLock();
  const ports = createPortReservations();

  async function inspectOwned(userId: string): Promise<ContainerInspectInfo | null> {
    const name = instanceName(userId);
    const info = await ignoreDockerStatus(docker.getContainer(name).inspect(), 404);
    if (!info) return null;
    if (info.Config.Labels?.[LABELS.managed] !== "true") {
      throw new AppError("CONFLICT", `Container ${name} exists but is not managed by whago; it is left alone.`);
    }
    return info;
  }

  async function readLogs(id: string, apiKey: string): Promise<string> {
    const raw = (await docker.getContainer(id).logs({ stdout: true, stderr: true, tail: logLines })) as unknown as Buffer;
    return redactSecrets(lastLines(demuxDockerLog(Buffer.from(raw)), logLines), [apiKey]);
  }

  async function claimedPorts(): Promise<number[]> {
    // Every whago container on this engine, whatever its extra labels: ports are shared by the whole host.
    const all = await docker.listContainers({ all: true, filters: { label: [`${LABELS.managed}=true`] } });
    return all.map((c) => Number(c.Labels[LABELS.hostPort])).filter(Number.isInteger);
  }

  async function create(spec: InstanceSpec, hostPort: number, { onProgress }: EnsureOptions): Promise<string | null> {
    await docker.createVolume({
      Name: sessionsVolumeName(spec.userId),
      Labels: { ...settings.extraLabels, [LABELS.managed]: "true", [LABELS.userId]: spec.userId },
    });
    onProgress?.({ step: "creating", message: "Creating the WAHA container" });
    try {
      const container = await docker.createContainer(buildContainerOptions(settings, { ...spec, hostPort }));
      return container.id;
    } catch (err) {
      if (dockerStatusCode(err) === 409) return null;
      throw err;
    }
  }

  /** Another whago process won the name: wait until its container is visible, then adopt it as the instance. */
  async function adoptConcurrentlyCreated(spec: InstanceSpec, options: EnsureOptions): Promise<RunningInstance> {
    // Docker reserves the name before the container can be inspected.
    for (let attempt = 0; attempt < 50; attempt++) {
      if (await inspectOwned(spec.userId)) return provision(spec, options);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new AppError("CONFLICT", `Container ${instanceName(spec.userId)} is being created elsewhere and never appeared.`);
  }

  async function provision(spec: InstanceSpec, options: EnsureOptions): Promise<RunningInstance> {
    const name = instanceName(spec.userId);
    let existing = await inspectOwned(spec.userId);
    const existingPort = Number(existing?.Config.Labels?.[LABELS.hostPort]) || undefined;
    if (existing) {
      const wanted = containerFingerprint(settings, { ...spec, hostPort: spec.hostPort ?? existingPort ?? 0 });
      if (existing.Config.Labels?.[LABELS.fingerprint] !== wanted) {
        // The spec changed (key, image, limits…): replace the container; the sessions volume stays.
        await ignoreDockerStatus(docker.getContainer(existing.Id).remove({ force: true }), 404);
        existing = null;
      }
    }

    let id = existing?.Id;
    let hostPort = spec.hostPort ?? existingPort;
    if (!id) {
      options.onProgress?.({ step: "creating" });
      await ensureImage(docker, settings.image, options.onProgress);
      const reserved = hostPort === undefined ? await ports.reserve(range, claimedPorts) : undefined;
      hostPort ??= reserved!;
      try {
        id = (await create(spec, hostPort, options)) ?? undefined;
      } finally {
        if (reserved !== undefined) ports.release(reserved);
      }
      if (!id) return adoptConcurrentlyCreated(spec, options);
    }
    if (!hostPort) throw new AppError("INTERNAL", `Container ${name} has no recorded host port.`);

    const container = docker.getContainer(id);
    if (!existing?.State.Running) {
      options.onProgress?.({ step: "starting" });
      await ignoreDockerStatus(container.start(), 304);
    }
    const baseUrl =
      config.reachBy === "container-name" && settings.networkMode !== "host"
        ? `http://${name}:${CONTAINER_PORT}`
        : `http://127.0.0.1:${hostPort}`;
    options.onProgress?.({ step: "waiting_ready" });
    await waitForWahaReady({
      baseUrl,
      apiKey: spec.apiKey,
      name,
      timeoutMs: config.readyTimeoutMs,
      isAlive: async () => !!(await ignoreDockerStatus(container.inspect(), 404))?.State.Running,
      readLogs: () => readLogs(id, spec.apiKey),
    });
    options.onProgress?.({ step: "ready" });
    return { name, runtimeId: id, baseUrl, apiKey: spec.apiKey, hostPort };
  }

  return {
    kind: "docker",
    image: settings.image,

    ensureRunning(spec, ensureOptions = {}) {
      return withUserLock(spec.userId, async () => {
        try {
          return await provision(spec, ensureOptions);
        } catch (err) {
          ensureOptions.onProgress?.({ step: "failed", message: (err as Error).message });
          throw err;
        }
      });
    },

    async stop(userId) {
      const info = await inspectOwned(userId);
      if (info) await ignoreDockerStatus(docker.getContainer(info.Id).stop({ t: 10 }), 304, 404);
    },

    async remove(userId, { purgeData = false } = {}) {
      const info = await inspectOwned(userId);
      // 409: Docker is already removing it.
      if (info) await ignoreDockerStatus(docker.getContainer(info.Id).remove({ force: true }), 404, 409);
      if (purgeData) await ignoreDockerStatus(docker.getVolume(sessionsVolumeName(userId)).remove(), 404);
    },

    async inspect(userId) {
      const info = await inspectOwned(userId);
      return info ? toInstanceInfo(info.Name.replace(/^\//, ""), info.Id, info.Config.Labels ?? {}, info.State) : null;
    },

    async list() {
      const containers = await docker.listContainers({ all: true, filters: { label: ownLabelFilter } });
      return containers.map((c) =>
        toInstanceInfo((c.Names[0] ?? "").replace(/^\//, ""), c.Id, c.Labels, { Running: c.State === "running", Status: c.Status }),
      );
    },

    async stats(userId) {
      const info = await inspectOwned(userId);
      if (!info?.State.Running) return null;
      const stats = await docker.getContainer(info.Id).stats({ stream: false });
      return {
        memoryBytes: stats.memory_stats.usage ?? 0,
        memoryLimitBytes: stats.memory_stats.limit ?? null,
        cpuSeconds: (stats.cpu_stats.cpu_usage.total_usage ?? 0) / 1e9,
      };
    },
  };
}

type StateLike = { Running: boolean; Restarting?: boolean; Status: string; ExitCode?: number };

function toInstanceInfo(name: string, id: string, labels: Record<string, string>, state: StateLike): InstanceInfo {
  const exit = state.ExitCode !== undefined && !state.Running ? ` (${state.ExitCode})` : "";
  return {
    name,
    runtimeId: id,
    userId: labels[LABELS.userId] ?? "",
    instanceId: labels[LABELS.instanceId] ?? "",
    hostPort: Number(labels[LABELS.hostPort]) || null,
    // A crash-looping container is not serving: report it stopped so the reconciler deals with it.
    state: state.Running && !state.Restarting ? "running" : "stopped",
    detail: `${state.Status}${exit}`,
  };
}
