// The WAHA settings every instance gets, whichever runtime starts it (real WAHA and the simulator read the same).

export type WahaEnvOptions = {
  name: string;
  apiKey: string;
  engine: string;
  listenPort: number;
  /** Set when the instance shares the host's interfaces, so it listens on loopback only. */
  hostname?: string;
  /** Runtime-wide settings first, then per-instance extras; neither may override the fields above. */
  base?: Record<string, string>;
  extra?: Record<string, string>;
};

export function wahaEnv(options: WahaEnvOptions): Record<string, string> {
  return {
    ...options.base,
    ...options.extra,
    WAHA_API_KEY: options.apiKey,
    WHATSAPP_DEFAULT_ENGINE: options.engine,
    WHATSAPP_API_PORT: String(options.listenPort),
    ...(options.hostname ? { WHATSAPP_API_HOSTNAME: options.hostname } : {}),
    // Sessions that were running come back after a restart; the worker id must survive a recreated instance.
    WAHA_WORKER_ID: options.name,
    WAHA_WORKER_RESTART_SESSIONS: "True",
    WAHA_PRINT_QR: "False",
    // whago is the only client: no dashboard or Swagger UI, which would otherwise get random passwords.
    WAHA_DASHBOARD_ENABLED: "False",
    WHATSAPP_SWAGGER_ENABLED: "False",
  };
}
