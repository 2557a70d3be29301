import type { Engine } from "../settings";
import type { SimSession } from "./session";

export function engineInfo(engine: Engine, session: SimSession): Record<string, unknown> {
  switch (engine) {
    case "WEBJS":
    case "WPP":
      return { engine, WWebVersion: "2.3000.1025300000", state: session.status === "WORKING" ? "CONNECTED" : null };
    case "GOWS": {
      const ready = session.isRunning ? "READY" : "SHUTDOWN";
      return { engine, grpc: { client: ready, stream: ready } };
    }
    case "NOWEB":
      return { engine };
  }
}

/** The full SessionInfo WAHA's handlers return (keys in WAHA's order). */
export function toSessionInfo(
  session: SimSession,
  options: { engine: Engine; workerId: string | null; expandApps?: boolean },
): Record<string, unknown> {
  const { record } = session;
  const markOnline = (record.config?.noweb as { markOnline?: boolean } | undefined)?.markOnline !== false;
  const info: Record<string, unknown> = {
    name: record.name,
    status: session.status,
    config: record.config ?? undefined,
    me: session.me,
  };
  if (options.workerId) info.assignedWorker = options.workerId;
  info.presence = session.status === "WORKING" ? (markOnline ? "online" : "offline") : null;
  info.timestamps = { activity: session.activity };
  info.engine = engineInfo(options.engine, session);
  if (options.expandApps || record.apps !== undefined) info.apps = record.apps ?? [];
  return info;
}
