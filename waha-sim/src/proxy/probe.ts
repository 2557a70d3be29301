import http from "node:http";
import { randomBytes } from "node:crypto";

export interface ProxyServerConfig {
  server: string;
  username?: string | null;
  password?: string | null;
}

export interface ProbeResult {
  ok: boolean;
  reason: string | null;
  /** Token sent in the probe request, so the target (this simulator's /ping) can report who connected. */
  token: string;
}

export const PROBE_HEADER = "x-waha-sim-probe";
const PROBE_TIMEOUT_MS = 10_000;

/** Splits "host:port" (WAHA's proxy.server has no scheme; tolerate one anyway). */
export function parseHostPort(server: string): { host: string; port: number } | null {
  const bare = server.replace(/^[a-z]+:\/\//i, "").replace(/\/.*$/, "").replace(/^.*@/, "");
  const match = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(bare);
  if (!match) return null;
  const port = Number(match[2]);
  return port > 0 && port < 65536 ? { host: match[1]!, port } : null;
}

/**
 * Opens an HTTP CONNECT tunnel through the session's proxy to `target` and does GET /ping through it, the way a
 * session's websocket would leave through that proxy. Never includes credentials in the reason.
 */
export function probeThroughProxy(proxy: ProxyServerConfig, target: string): Promise<ProbeResult> {
  const token = randomBytes(12).toString("hex");
  const where = parseHostPort(proxy.server);
  if (!where) return Promise.resolve({ ok: false, token, reason: `Proxy check failed: invalid proxy server '${proxy.server}' (expected host:port)` });
  const headers: Record<string, string> = { Host: target };
  if (proxy.username || proxy.password) {
    headers["Proxy-Authorization"] = `Basic ${Buffer.from(`${proxy.username ?? ""}:${proxy.password ?? ""}`).toString("base64")}`;
  }
  const fail = (detail: string): ProbeResult => ({ ok: false, token, reason: `Proxy check failed via ${proxy.server}: ${detail}` });

  return new Promise((resolve) => {
    const connect = http.request({ host: where.host, port: where.port, method: "CONNECT", path: target, headers, timeout: PROBE_TIMEOUT_MS });
    connect.on("timeout", () => connect.destroy(new Error("timed out")));
    connect.on("error", (error: NodeJS.ErrnoException) => resolve(fail(`cannot reach proxy (${error.code ?? error.message})`)));
    connect.on("connect", (response, socket) => {
      if (response.statusCode !== 200) {
        socket.destroy();
        const status = `${response.statusCode} ${response.statusMessage ?? ""}`.trim();
        const hint = response.statusCode === 407 ? " (proxy authentication rejected)" : "";
        return resolve(fail(`proxy answered ${status} to CONNECT ${target}${hint}`));
      }
      const ping = http.request({
        host: target.split(":")[0],
        path: "/ping",
        method: "GET",
        headers: { Host: target, [PROBE_HEADER]: token, Connection: "close" },
        createConnection: () => socket,
        timeout: PROBE_TIMEOUT_MS,
      });
      ping.on("timeout", () => ping.destroy(new Error("timed out")));
      ping.on("error", (error) => resolve(fail(`request through tunnel failed (${error.message})`)));
      ping.on("response", (pingResponse) => {
        pingResponse.resume();
        pingResponse.on("end", () => socket.destroy());
        resolve(pingResponse.statusCode === 200 ? { ok: true, token, reason: null } : fail(`GET /ping through tunnel answered ${pingResponse.statusCode}`));
      });
      ping.end();
    });
    connect.end();
  });
}
