// One health probe: HTTP CONNECT through the exit to the probe target with Basic proxy credentials, then GET / through
// the tunnel. The target answers with the address it saw, which is the exit's public address.
import http from "node:http";
import type { Socket } from "node:net";
import type { ProxyEndpoint } from "./proxy-settings";

/** Stable codes (UI and i18n key off them); the detail after ":" is a status number, never a credential. */
export type ProxyFailureReason =
  | "proxy_refused"
  | "proxy_unreachable"
  | "proxy_timeout"
  | "proxy_auth_failed"
  | `proxy_connect_status:${number}`
  | "probe_failed"
  | `probe_status:${number}`;

export type ProbeResult =
  | { ok: true; latencyMs: number; exitSeen: string | null }
  | { ok: false; reason: ProxyFailureReason };

export type ProbeOptions = {
  proxy: ProxyEndpoint;
  target: { host: string; port: number };
  timeoutMs?: number;
};

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_BODY_BYTES = 256;
/** Only something shaped like an IP address is kept as the exit seen, so an odd target cannot inject text. */
const ADDRESS_PATTERN = /^[0-9a-f.:]{2,45}$/i;

export function probeThroughProxy({ proxy, target, timeoutMs = DEFAULT_TIMEOUT_MS }: ProbeOptions): Promise<ProbeResult> {
  const authority = target.host.includes(":") ? `[${target.host}]:${target.port}` : `${target.host}:${target.port}`;
  const credentials = Buffer.from(`${proxy.username}:${proxy.password}`).toString("base64");
  const started = performance.now();

  return new Promise((resolve) => {
    let tunnel: Socket | undefined;
    const finish = (result: ProbeResult) => {
      clearTimeout(timer);
      tunnel?.destroy();
      connect.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: "proxy_timeout" }), timeoutMs);

    const connect = http.request({
      host: proxy.host,
      port: proxy.port,
      method: "CONNECT",
      path: authority,
      headers: { Host: authority, "Proxy-Authorization": `Basic ${credentials}` },
      agent: false,
    });
    connect.on("error", (err: NodeJS.ErrnoException) =>
      finish({ ok: false, reason: err.code === "ECONNREFUSED" ? "proxy_refused" : "proxy_unreachable" }),
    );
    connect.on("connect", (response, socket) => {
      tunnel = socket;
      if (response.statusCode === 407) return finish({ ok: false, reason: "proxy_auth_failed" });
      if (response.statusCode !== 200) return finish({ ok: false, reason: `proxy_connect_status:${response.statusCode ?? 0}` });
      requestThroughTunnel(socket, authority, (result) =>
        finish(result.ok ? { ...result, latencyMs: Math.round(performance.now() - started) } : result),
      );
    });
    connect.end();
  });
}

type TunnelResult = { ok: true; exitSeen: string | null } | { ok: false; reason: ProxyFailureReason };

function requestThroughTunnel(socket: Socket, authority: string, done: (result: TunnelResult) => void): void {
  const probe = http.request({
    method: "GET",
    path: "/",
    headers: { Host: authority, Connection: "close", Accept: "text/plain" },
    createConnection: () => socket,
  });
  probe.on("error", () => done({ ok: false, reason: "probe_failed" }));
  probe.on("response", (response) => {
    if (response.statusCode !== 200) {
      response.resume();
      return done({ ok: false, reason: `probe_status:${response.statusCode ?? 0}` });
    }
    let body = "";
    response.setEncoding("utf8");
    response.on("data", (chunk: string) => {
      if (body.length < MAX_BODY_BYTES) body += chunk;
    });
    response.on("end", () => {
      const seen = body.trim();
      done({ ok: true, exitSeen: ADDRESS_PATTERN.test(seen) ? seen : null });
    });
    response.on("error", () => done({ ok: false, reason: "probe_failed" }));
  });
  probe.end();
}
