import { createHash, randomBytes } from "node:crypto";
import path from "node:path";

export const WAHA_VERSION = "2026.7.1";
export const ENGINES = ["WEBJS", "NOWEB", "GOWS", "WPP"] as const;
export type Engine = (typeof ENGINES)[number];

export interface RetryDefaults {
  policy?: string;
  delaySeconds?: number;
  attempts?: number;
}

export interface GlobalWebhook {
  url: string;
  events: string[];
  hmacKey?: string;
  retries: RetryDefaults;
  customHeaders: { name: string; value: string }[];
}

export interface SimulatorSettings {
  port: number;
  hostname: string;
  /** null = authentication disabled (WAHA_NO_API_KEY=true with an empty key). */
  apiKey: { kind: "plain"; value: string } | { kind: "sha512"; hex: string } | null;
  apiKeyWasGenerated: boolean;
  engine: Engine;
  timeScale: number;
  dataDir: string;
  /** host:port the proxy check tunnels to; null = this simulator's own /ping. */
  probeTarget: string | null;
  startOnCreateDefault: boolean;
  strictMode: boolean;
  workerId: string | null;
  globalWebhook: GlobalWebhook | null;
}

type Env = Record<string, string | undefined>;

// WAHA (since 2025.10.3) replaces these well-known keys with a random one instead of trusting them.
const SHA512_OF_32_ZEROS = createHash("sha512").update("0".repeat(32)).digest("hex");
const INSECURE_KEYS = new Set(["123", "321", "waha", "admin", "0".repeat(32), "1".repeat(32), `sha512:${SHA512_OF_32_ZEROS}`]);

export function resolveApiKey(env: Env): Pick<SimulatorSettings, "apiKey" | "apiKeyWasGenerated"> {
  const raw = nonEmpty(env.WHATSAPP_API_KEY) ?? nonEmpty(env.WAHA_API_KEY);
  if (!raw && isTrue(env.WAHA_NO_API_KEY)) return { apiKey: null, apiKeyWasGenerated: false };
  if (!raw || INSECURE_KEYS.has(raw.toLowerCase())) {
    return { apiKey: { kind: "plain", value: randomBytes(16).toString("hex") }, apiKeyWasGenerated: true };
  }
  if (raw.startsWith("sha512:")) return { apiKey: { kind: "sha512", hex: raw.slice(7).toLowerCase() }, apiKeyWasGenerated: false };
  return { apiKey: { kind: "plain", value: raw }, apiKeyWasGenerated: false };
}

export function resolveEngine(value: string | undefined): Engine {
  if (!value) return "NOWEB";
  const upper = value.toUpperCase();
  // Like WAHA, an unknown engine name falls back to WEBJS.
  return (ENGINES as readonly string[]).includes(upper) ? (upper as Engine) : "WEBJS";
}

function resolveGlobalWebhook(env: Env): GlobalWebhook | null {
  const url = nonEmpty(env.WHATSAPP_HOOK_URL);
  if (!url) return null;
  const events = (nonEmpty(env.WHATSAPP_HOOK_EVENTS) ?? "*").split(",").map((e) => e.trim()).filter(Boolean);
  const customHeaders = (nonEmpty(env.WHATSAPP_HOOK_CUSTOM_HEADERS) ?? "")
    .split(";")
    .map((pair) => pair.split(":"))
    .filter((parts) => parts.length >= 2 && parts[0]!.trim())
    .map(([name, ...rest]) => ({ name: name!.trim(), value: rest.join(":").trim() }));
  return {
    url,
    events,
    hmacKey: nonEmpty(env.WHATSAPP_HOOK_HMAC_KEY),
    retries: {
      policy: nonEmpty(env.WHATSAPP_HOOK_RETRIES_POLICY),
      delaySeconds: optionalNumber(env.WHATSAPP_HOOK_RETRIES_DELAY_SECONDS),
      attempts: optionalNumber(env.WHATSAPP_HOOK_RETRIES_ATTEMPTS),
    },
    customHeaders,
  };
}

export function settingsFromEnv(env: Env = process.env, cwd = process.cwd()): SimulatorSettings {
  const timeScale = Number(env.WAHA_SIM_TIME_SCALE ?? "1");
  if (!Number.isFinite(timeScale) || timeScale <= 0) throw new Error("WAHA_SIM_TIME_SCALE must be a positive number");
  return {
    port: Number(nonEmpty(env.WHATSAPP_API_PORT) ?? nonEmpty(env.PORT) ?? "3000"),
    hostname: nonEmpty(env.WHATSAPP_API_HOSTNAME) ?? "0.0.0.0",
    ...resolveApiKey(env),
    engine: resolveEngine(nonEmpty(env.WHATSAPP_DEFAULT_ENGINE)),
    timeScale,
    dataDir: path.resolve(cwd, nonEmpty(env.WAHA_SIM_DATA_DIR) ?? ".sessions"),
    probeTarget: nonEmpty(env.WAHA_SIM_PROBE_TARGET) ?? null,
    startOnCreateDefault: isTrue(env.WAHA_SIM_START_ON_CREATE_DEFAULT),
    strictMode: isTrue(env.WAHA_HTTP_STRICT_MODE),
    workerId: nonEmpty(env.WAHA_WORKER_ID) ?? null,
    globalWebhook: resolveGlobalWebhook(env),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== "" ? value.trim() : undefined;
}

function isTrue(value: string | undefined): boolean {
  return ["true", "1", "yes"].includes((value ?? "").toLowerCase());
}

function optionalNumber(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(n) ? n : undefined;
}
