import type { Scheduler } from "./scheduler";
import type { SimulatorSettings } from "./settings";
import type { SessionManager } from "./sessions/manager";
import type { SimSession } from "./sessions/session";
import type { WebhookSender } from "./webhooks/sender";
import type { WahaEnvironment } from "./webhooks/envelope";
import type { ProbeRegistry } from "./proxy/probe-registry";

/** Everything the route handlers share. */
export interface AppContext {
  settings: SimulatorSettings;
  manager: SessionManager;
  scheduler: Scheduler;
  sender: WebhookSender;
  probes: ProbeRegistry;
  environment: WahaEnvironment;
  startedAt: number;
  emit: (session: SimSession, event: string, payload: unknown) => void;
}
