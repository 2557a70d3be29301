// The health check's target on loopback: answers GET / with the address that connected (the proxy's exit), or
// with a chosen status, or never, to exercise each failure reason.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ProbeTargetMode = "echo-address" | "error-500" | "silent";

export type ProbeTarget = {
  target: { host: string; port: number };
  setMode(mode: ProbeTargetMode): void;
  requests(): number;
  stop(): Promise<void>;
};

/** `port` 0 picks a free one; a fixed port lets a separately started server be told where the target is. */
export async function startProbeTarget({ port: wanted = 0 }: { port?: number } = {}): Promise<ProbeTarget> {
  let mode: ProbeTargetMode = "echo-address";
  let count = 0;
  const server = http.createServer((req, res) => {
    count++;
    if (mode === "silent") return; // the probe's own timeout must end this
    if (mode === "error-500") return void res.writeHead(500).end("nope");
    res.writeHead(200, { "content-type": "text/plain" }).end(req.socket.remoteAddress ?? "");
  });
  await new Promise<void>((resolve) => server.listen(wanted, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    target: { host: "127.0.0.1", port },
    setMode: (next) => {
      mode = next;
    },
    requests: () => count,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
