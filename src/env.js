// The only reader of process.env: every setting is validated here, at start, with a message naming each bad one.
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

const int = (fallback) => z.coerce.number().int().nonnegative().default(fallback);
const bool = (fallback) =>
  z
    .enum(["true", "false", "1", "0"])
    .default(fallback ? "true" : "false")
    .transform((v) => v === "true" || v === "1");
const portRange = z
  .string()
  .regex(/^\d{2,5}-\d{2,5}$/, "must look like 3100-3999")
  .refine((v) => {
    const [lo, hi] = v.split("-").map(Number);
    // Ports from 32768 up are the kernel's for outgoing connections, which could take one before WAHA binds it.
    return lo >= 1024 && hi < 32768 && lo <= hi;
  }, "must be an increasing range within 1024-32767");
/** A rate limit as "<count>/<window>", e.g. "5/15m"; window units ms, s, m, h, d. */
const rate = (fallback) =>
  z
    .string()
    .regex(/^[1-9]\d*\/[1-9]\d*(ms|s|m|h|d)$/, 'must look like "5/15m" (count/window; units ms, s, m, h, d)')
    .default(fallback);

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.string().url().startsWith("postgres", "must be a postgres:// or postgresql:// URL"),
    /** Tells the logs and the UI that the database is the embedded PGlite. */
    WHAGO_EMBEDDED_DB: bool(false),
    NEXTAUTH_URL: z.string().url().default("http://localhost:3000"),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
    /** 32 bytes, base64 or hex: encrypts WAHA keys, webhook secrets and proxy passwords at rest. */
    WHAGO_ENCRYPTION_KEY: z
      .string()
      .refine(
        (v) => /^[0-9a-f]{64}$/i.test(v) || Buffer.from(v, "base64").length === 32,
        "must be 32 bytes as 64 hex characters or base64 (openssl rand -base64 32)",
      ),
    /** Where WAHA containers reach whago's webhook route; defaults to NEXTAUTH_URL. */
    WHAGO_WEBHOOK_BASE_URL: z.string().url().optional(),
    WEBHOOK_TOLERANCE_SECONDS: int(300),

    WAHA_RUNTIME: z.enum(["docker", "process"]).default("process"),
    WAHA_IMAGE: z.string().min(1).default("devlikeapro/waha"),
    WAHA_ENGINE: z.enum(["NOWEB", "GOWS", "WEBJS"]).default("NOWEB"),
    WAHA_PORT_RANGE: portRange.default("3100-3999"),
    /** "host" (tests, single host) or the name of a user-defined Docker network (compose). */
    WAHA_NETWORK_MODE: z.string().min(1).default("host"),
    /** How whago reaches a WAHA container: its published loopback port, or its name on the shared Docker network. */
    WAHA_REACH_BY: z.enum(["host-port", "container-name"]).default("host-port"),
    WAHA_MEMORY_LIMIT_MB: int(1024),
    WAHA_CPU_LIMIT: z.coerce.number().positive().default(1),
    WAHA_READY_TIMEOUT_MS: int(180_000),
    WAHA_REQUEST_TIMEOUT_MS: int(10_000),
    WAHA_RETRY_ATTEMPTS: int(3),
    WAHA_RETRY_DELAY_MS: int(500),
    WAHA_RECONCILE_INTERVAL_MS: int(30_000),
    /** Process runtime: where each user's simulator keeps its sessions, and its time scale. */
    WAHA_PROCESS_DATA_DIR: z.string().min(1).default(".data/waha"),
    WAHA_SIM_TIME_SCALE: z.coerce.number().positive().default(1),
    DOCKER_SOCKET_PATH: z.string().min(1).default("/var/run/docker.sock"),

    /** Reverse proxies in front of whago that append to X-Forwarded-For (the client IP is that many from the right). */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
    RATE_LIMIT_BACKEND: z.enum(["memory", "redis", "upstash"]).default("memory"),
    REDIS_URL: z.string().url().optional(),
    UPSTASH_REDIS_REST_URL: z.string().url().optional(),
    UPSTASH_REDIS_REST_TOKEN: z.string().optional(),
    /** How long a limit check may wait for Redis/Upstash before the limit's "store down" policy applies. */
    RATE_LIMIT_TIMEOUT_MS: z.coerce.number().int().positive().default(1000),
    RATE_LIMIT_LOGIN_PER_IP: rate("50/15m"),
    RATE_LIMIT_LOGIN_PER_EMAIL: rate("5/15m"),
    RATE_LIMIT_SIGNUP_PER_IP: rate("20/1h"),
    RATE_LIMIT_API_PER_KEY: rate("120/1m"),
    RATE_LIMIT_CHIP_CREATE_PER_USER: rate("10/1h"),
    RATE_LIMIT_QR_READ_PER_CHIP: rate("30/1m"),
    /** Messages one chip may send, from the dashboard and the API together. */
    RATE_LIMIT_MESSAGE_SEND_PER_CHIP: rate("20/1m"),

    PROXY_GATEWAY_HOST: z.string().optional(),
    PROXY_GATEWAY_PORT: z.coerce.number().int().positive().optional(),
    PROXY_GATEWAY_USERNAME: z.string().optional(),
    PROXY_GATEWAY_PASSWORD: z.string().optional(),
    PROXY_GATEWAY_COUNTRY: z.string().optional(),
    /** Fixed proxies, comma-separated host:port:user:pass. */
    PROXY_FIXED_LIST: z.string().optional(),
    PROXY_QUOTA_DEFAULT: int(10),
    PROXY_CHECK_INTERVAL_MS: int(300_000),
    PROXY_CHECK_TARGET: z.string().optional(),
    PROXY_FAILURE_THRESHOLD: int(3),
  },
  client: {},
  experimental__runtimeEnv: {},
  skipValidation: !!process.env.SKIP_ENV_VALIDATION,
  emptyStringAsUndefined: true,
  onValidationError: (issues) => {
    const lines = issues.map((i) => `  - ${i.path?.map((p) => (typeof p === "object" ? p.key : p)).join(".")}: ${i.message}`);
    const message = `Invalid settings (see the settings table in README.md):\n${lines.join("\n")}`;
    console.error(message);
    throw new Error(message);
  },
});
