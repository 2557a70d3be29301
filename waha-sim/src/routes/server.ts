import { statfsSync } from "node:fs";
import type { AppContext } from "../app-context";
import { sendJson } from "../http/io";
import type { Router } from "../http/router";
import { PROBE_HEADER } from "../proxy/probe";

const DISK_THRESHOLD_BYTES = 100 * 1024 * 1024;

function diskIndicator(path: string): Record<string, unknown> {
  try {
    const stats = statfsSync(path);
    const free = stats.bavail * stats.bsize;
    return { status: free >= DISK_THRESHOLD_BYTES ? "up" : "down", path, diskPath: "/", free, threshold: DISK_THRESHOLD_BYTES };
  } catch {
    return { status: "down", path, message: "Cannot read disk space" };
  }
}

export function registerServerRoutes(router: Router, app: AppContext): void {
  router.on("GET", "/ping", ({ req, res }) => {
    const token = req.headers[PROBE_HEADER];
    if (typeof token === "string") app.probes.record(token, req.socket.remoteAddress ?? "unknown");
    sendJson(res, 200, { message: "pong" });
  });

  router.on("GET", "/api/server/version", ({ res }) => sendJson(res, 200, app.environment));
  router.on("GET", "/api/version", ({ res }) => sendJson(res, 200, app.environment));

  router.on("GET", "/api/server/status", ({ res }) =>
    sendJson(res, 200, { startTimestamp: app.startedAt, uptime: Date.now() - app.startedAt, worker: { id: app.settings.workerId } }),
  );

  router.on("GET", "/health", ({ res }) => {
    const indicators = {
      "mediaFiles.space": diskIndicator("/tmp"),
      "sessionsFiles.space": diskIndicator(app.settings.dataDir),
    };
    const down = Object.entries(indicators).filter(([, v]) => v.status !== "up");
    const up = Object.entries(indicators).filter(([, v]) => v.status === "up");
    const healthy = down.length === 0;
    sendJson(res, healthy ? 200 : 503, {
      status: healthy ? "ok" : "error",
      info: Object.fromEntries(up),
      error: Object.fromEntries(down),
      details: indicators,
    });
  });
}
