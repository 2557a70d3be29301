import os from "node:os";
import { WAHA_VERSION, type Engine } from "../settings";

export interface WahaEnvironment {
  version: string;
  engine: Engine;
  tier: string;
  browser: string | null;
  platform: string;
  worker: { id: string | null };
}

export function wahaEnvironment(engine: Engine, workerId: string | null): WahaEnvironment {
  const usesBrowser = engine === "WEBJS" || engine === "WPP";
  return {
    version: WAHA_VERSION,
    engine,
    // Since 2026.6.1 the free image carries every Plus feature and reports itself as PLUS.
    tier: "PLUS",
    browser: usesBrowser ? "/usr/bin/chromium" : null,
    platform: `${os.platform()}/${os.arch()}`,
    worker: { id: workerId },
  };
}

export interface EnvelopeInput {
  id: string;
  timestamp: number;
  event: string;
  session: string;
  metadata: Record<string, string> | null | undefined;
  me: unknown;
  payload: unknown;
  environment: WahaEnvironment;
}

/** WAHA's webhook body, keys in WAHA's order; `metadata` only when the session has some. */
export function buildEnvelope(input: EnvelopeInput): Record<string, unknown> {
  const envelope: Record<string, unknown> = {
    id: input.id,
    timestamp: input.timestamp,
    event: input.event,
    session: input.session,
  };
  if (input.metadata) envelope.metadata = input.metadata;
  envelope.me = input.me ?? null;
  envelope.payload = input.payload;
  envelope.engine = input.environment.engine;
  envelope.environment = input.environment;
  return envelope;
}

// "*" covers every event except these two.
const NOT_IN_WILDCARD = new Set(["state.change", "engine.event"]);

export function webhookWantsEvent(events: readonly string[], event: string): boolean {
  return events.includes(event) || (events.includes("*") && !NOT_IN_WILDCARD.has(event));
}
