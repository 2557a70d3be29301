import http from "node:http";
import type { AddressInfo } from "node:net";
import type { AppContext } from "./app-context";
import { isAuthorized } from "./http/auth";
import { routeNotFound, unauthorized } from "./http/errors";
import { sendError } from "./http/io";
import { Router } from "./http/router";
import { probeThroughProxy } from "./proxy/probe";
import { ProbeRegistry } from "./proxy/probe-registry";
import { registerAuthRoutes } from "./routes/auth";
import { registerMessageRoutes } from "./routes/messages";
import { registerServerRoutes } from "./routes/server";
import { registerSessionRoutes } from "./routes/sessions";
import { registerSimControlRoutes } from "./routes/sim-control";
import { Scheduler } from "./scheduler";
import { SessionManager } from "./sessions/manager";
import type { SimSession } from "./sessions/session";
import type { ProxyCheck } from "./sessions/session-types";
import { SessionStore } from "./sessions/store";
import { resolveApiKey, resolveEngine, settingsFromEnv, WAHA_VERSION, type SimulatorSettings } from "./settings";
import { WebhookDispatcher } from "./webhooks/dispatcher";
import { wahaEnvironment } from "./webhooks/envelope";
import { WebhookSender } from "./webhooks/sender";

export interface SimulatorOptions {
  /** Base environment, read with WAHA's variable names (default: none, so tests are hermetic). */
  env?: Record<string, string | undefined>;
  /** Plain key or "sha512:<hex>", as WAHA_API_KEY. */
  apiKey?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  hostname?: string;
  engine?: string;
  timeScale?: number;
  dataDir?: string;
  probeTarget?: string;
  startOnCreateDefault?: boolean;
  strictMode?: boolean;
  workerId?: string;
  /** Print the start-up line (main.ts does). */
  log?: boolean;
}

export interface RunningSimulator {
  port: number;
  url: string;
  settings: SimulatorSettings;
  close(): Promise<void>;
}

function resolveSettings(options: SimulatorOptions): SimulatorSettings {
  const env = { WHATSAPP_API_PORT: "0", WHATSAPP_API_HOSTNAME: "127.0.0.1", ...options.env };
  const base = settingsFromEnv(env);
  return {
    ...base,
    ...(options.apiKey !== undefined ? resolveApiKey({ WAHA_API_KEY: options.apiKey }) : {}),
    ...(options.engine !== undefined ? { engine: resolveEngine(options.engine) } : {}),
    port: options.port ?? base.port,
    hostname: options.hostname ?? base.hostname,
    timeScale: options.timeScale ?? base.timeScale,
    dataDir: options.dataDir ?? base.dataDir,
    probeTarget: options.probeTarget ?? base.probeTarget,
    startOnCreateDefault: options.startOnCreateDefault ?? base.startOnCreateDefault,
    strictMode: options.strictMode ?? base.strictMode,
    workerId: options.workerId ?? base.workerId,
  };
}

const PROTECTED_PREFIXES = ["/api/", "/_sim/"];

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const settings = resolveSettings(options);
  const scheduler = new Scheduler(settings.timeScale);
  const sender = new WebhookSender(scheduler);
  const environment = wahaEnvironment(settings.engine, settings.workerId);
  const dispatcher = new WebhookDispatcher(sender, environment, settings.globalWebhook);
  const probes = new ProbeRegistry();
  let port = 0;

  const checkProxy = async (session: SimSession): Promise<ProxyCheck> => {
    const proxy = session.record.config!.proxy!;
    const result = await probeThroughProxy(proxy, settings.probeTarget ?? `127.0.0.1:${port}`);
    return { proxy: proxy.server, ok: result.ok, reason: result.reason, remoteAddress: probes.take(result.token), checkedAt: Date.now() };
  };
  const emit = (session: SimSession, event: string, payload: unknown) => dispatcher.dispatch(session, event, payload);
  const manager = new SessionManager({
    engine: settings.engine,
    timeScale: settings.timeScale,
    emit,
    checkProxy,
    store: new SessionStore(settings.dataDir),
    startOnCreateDefault: settings.startOnCreateDefault,
  });
  const app: AppContext = { settings, manager, scheduler, sender, probes, environment, startedAt: Date.now(), emit };

  const router = new Router();
  registerServerRoutes(router, app);
  registerSessionRoutes(router, app);
  registerAuthRoutes(router, app);
  registerMessageRoutes(router, app);
  registerSimControlRoutes(router, app);

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const method = req.method ?? "GET";
      try {
        const needsKey = url.pathname === "/health" || PROTECTED_PREFIXES.some((p) => url.pathname.startsWith(p));
        if (needsKey && !isAuthorized(req, url.searchParams, settings.apiKey)) throw unauthorized();
        const match = router.match(method, url.pathname);
        if (!match) throw routeNotFound(method, url.pathname);
        await match.handler({ req, res, params: match.params, query: url.searchParams });
      } catch (error) {
        if (!res.headersSent) sendError(res, error);
        else res.destroy();
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(settings.port, settings.hostname, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  if (options.log) {
    console.log(`WAHA simulator (WAHA ${WAHA_VERSION}-compatible, engine ${settings.engine}) listening on ${settings.hostname}:${port}`);
    // WAHA logs the generated key; a simulator must not print secrets, so it only says one was generated.
    if (settings.apiKeyWasGenerated) console.log("WAHA_API_KEY is unset or insecure: a random key was generated (not printed)");
  }
  manager.restore();

  const host = settings.hostname === "0.0.0.0" || settings.hostname === "::" ? "127.0.0.1" : settings.hostname;
  return {
    port,
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    settings,
    close: async () => {
      manager.close();
      scheduler.cancelAll();
      sender.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
