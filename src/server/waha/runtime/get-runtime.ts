// The runtime selected by WAHA_RUNTIME, built once per process (cached on globalThis across dev reloads).
import { resolve } from "node:path";
import { env } from "~/env";
import { createDockerRuntime } from "./docker";
import { createProcessRuntime } from "./process";
import { SIMULATOR_BUNDLE } from "./simulator-bundle";
import type { WahaRuntime } from "./types";

export type { WahaRuntime } from "./types";

const cache = globalThis as unknown as { whagoWahaRuntime?: WahaRuntime };

export function getRuntime(): WahaRuntime {
  cache.whagoWahaRuntime ??= createRuntimeFromEnv();
  return cache.whagoWahaRuntime;
}

function createRuntimeFromEnv(): WahaRuntime {
  const common = {
    engine: env.WAHA_ENGINE,
    portRange: env.WAHA_PORT_RANGE,
    readyTimeoutMs: env.WAHA_READY_TIMEOUT_MS,
    env: { WAHA_SIM_TIME_SCALE: String(env.WAHA_SIM_TIME_SCALE) },
  };
  const kind: string = env.WAHA_RUNTIME;
  switch (kind) {
    case "docker":
      return createDockerRuntime({
        ...common,
        socketPath: env.DOCKER_SOCKET_PATH,
        image: env.WAHA_IMAGE,
        networkMode: env.WAHA_NETWORK_MODE,
        memoryLimitMb: env.WAHA_MEMORY_LIMIT_MB,
        cpuLimit: env.WAHA_CPU_LIMIT,
        reachBy: env.WAHA_REACH_BY,
      });
    case "process":
      return createProcessRuntime({
        ...common,
        command: process.execPath,
        args: [resolve(SIMULATOR_BUNDLE)],
        dataDir: env.WAHA_PROCESS_DATA_DIR,
      });
    default:
      throw new Error(`Unknown WAHA_RUNTIME "${kind}": expected "docker" or "process".`);
  }
}
