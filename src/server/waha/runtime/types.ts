// The runtime interface, in whago's own terms: one WAHA instance per user, whatever runs it (Docker or a local process).

export type RuntimeKind = "docker" | "process";

/** What the UI shows while an instance is being provisioned. */
export type ProvisioningStep = "creating" | "starting" | "waiting_ready" | "ready" | "failed";
export type ProvisioningEvent = { step: ProvisioningStep; message?: string };
export type ProgressListener = (event: ProvisioningEvent) => void;

export type InstanceSpec = {
  userId: string;
  instanceId: string;
  /** Plain WAHA API key (at least 32 random bytes); the caller stores it sealed. */
  apiKey: string;
  /** Keeps a recreated instance on its recorded port; allocated from the range when absent. */
  hostPort?: number;
  /** Extra WAHA settings (e.g. global webhook); never logged. */
  extraEnv?: Record<string, string>;
};

export type RunningInstance = {
  name: string;
  runtimeId: string;
  baseUrl: string;
  apiKey: string;
  hostPort: number;
};

export type InstanceState = "running" | "stopped";

export type InstanceInfo = {
  name: string;
  runtimeId: string;
  userId: string;
  instanceId: string;
  hostPort: number | null;
  state: InstanceState;
  /** The runtime's own words, e.g. Docker's "exited (137)". */
  detail: string;
};

export type InstanceStats = {
  memoryBytes: number;
  memoryLimitBytes: number | null;
  cpuSeconds: number;
};

export type EnsureOptions = { onProgress?: ProgressListener };
export type RemoveOptions = { /** Also delete the sessions volume/folder (the user is gone). */ purgeData?: boolean };

export interface WahaRuntime {
  readonly kind: RuntimeKind;
  /** What runs the instances (image or executable), recorded with each instance. */
  readonly image: string;
  /** Idempotent: a running, matching instance is returned untouched; stopped is started; missing is created. */
  ensureRunning(spec: InstanceSpec, options?: EnsureOptions): Promise<RunningInstance>;
  /** Succeeds when already stopped or missing. */
  stop(userId: string): Promise<void>;
  /** Succeeds when already missing. */
  remove(userId: string, options?: RemoveOptions): Promise<void>;
  inspect(userId: string): Promise<InstanceInfo | null>;
  /** Only instances carrying whago's marks (and this runtime's extra labels). */
  list(): Promise<InstanceInfo[]>;
  stats(userId: string): Promise<InstanceStats | null>;
}
