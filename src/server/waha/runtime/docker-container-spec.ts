// The container whago creates for one user's WAHA: built as data (no shell strings), so it is easy to test.
import type { ContainerCreateOptions } from "dockerode";
import { instanceName, LABELS, sessionsVolumeName, specFingerprint } from "./instance-identity";
import { wahaEnv } from "./waha-env";

/** WAHA keeps auth and its sqlite store here; the volume makes sessions survive a recreated container. */
export const SESSIONS_PATH = "/app/.sessions";
export const CONTAINER_PORT = 3000;

export type DockerInstanceSettings = {
  image: string;
  engine: string;
  /** "host" (single host, tests) or a user-defined network name (compose). */
  networkMode: string;
  memoryLimitMb: number;
  cpuLimit: number;
  restartPolicy: "unless-stopped" | "always" | "on-failure" | "no";
  /** Settings every instance gets (e.g. the simulator's time scale). */
  env: Record<string, string>;
  extraLabels: Record<string, string>;
};

export type ContainerRequest = {
  userId: string;
  instanceId: string;
  apiKey: string;
  hostPort: number;
  extraEnv?: Record<string, string>;
};

export function containerFingerprint(settings: DockerInstanceSettings, request: ContainerRequest): string {
  return specFingerprint({
    image: settings.image,
    engine: settings.engine,
    networkMode: settings.networkMode,
    memoryLimitMb: settings.memoryLimitMb,
    cpuLimit: settings.cpuLimit,
    restartPolicy: settings.restartPolicy,
    env: JSON.stringify({ ...settings.env, ...request.extraEnv }),
    instanceId: request.instanceId,
    hostPort: request.hostPort,
    apiKey: request.apiKey,
  });
}

export function buildContainerOptions(settings: DockerInstanceSettings, request: ContainerRequest): ContainerCreateOptions {
  const name = instanceName(request.userId);
  const hostNetwork = settings.networkMode === "host";
  const env = wahaEnv({
    name,
    apiKey: request.apiKey,
    engine: settings.engine,
    listenPort: hostNetwork ? request.hostPort : CONTAINER_PORT,
    // With host networking the container shares the host's interfaces.
    hostname: hostNetwork ? "127.0.0.1" : undefined,
    base: settings.env,
    extra: request.extraEnv,
  });
  return {
    name,
    Image: settings.image,
    Env: Object.entries(env).map(([k, v]) => `${k}=${v}`),
    Labels: {
      ...settings.extraLabels,
      [LABELS.managed]: "true",
      [LABELS.userId]: request.userId,
      [LABELS.instanceId]: request.instanceId,
      [LABELS.hostPort]: String(request.hostPort),
      [LABELS.fingerprint]: containerFingerprint(settings, request),
    },
    ExposedPorts: hostNetwork ? undefined : { [`${CONTAINER_PORT}/tcp`]: {} },
    HostConfig: {
      NetworkMode: settings.networkMode,
      // A minimal init as PID 1 forwards SIGTERM, so stop is graceful even for images without one.
      Init: true,
      PortBindings: hostNetwork
        ? undefined
        : { [`${CONTAINER_PORT}/tcp`]: [{ HostIp: "127.0.0.1", HostPort: String(request.hostPort) }] },
      Mounts: [{ Type: "volume", Source: sessionsVolumeName(request.userId), Target: SESSIONS_PATH }],
      RestartPolicy: { Name: settings.restartPolicy },
      Memory: settings.memoryLimitMb * 1024 * 1024,
      NanoCpus: Math.round(settings.cpuLimit * 1e9),
      LogConfig: { Type: "json-file", Config: { "max-size": "10m", "max-file": "3" } },
    },
  };
}
