// A loopback HTTP server that hands WAHA's webhook deliveries to the real route handler, as `next start` would.
// The route is imported on the first delivery, so a test can start this before the settings are read.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export async function startWebhookReceiver(): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const instanceId = decodeURIComponent((req.url ?? "").split("/").pop() ?? "");
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const request = new Request(`http://127.0.0.1${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) });
      import("~/app/api/webhooks/waha/[instanceId]/route")
        .then(({ POST }) => POST(request, { params: Promise.resolve({ instanceId }) }))
        .then(async (answer) => {
          res.writeHead(answer.status, { "Content-Type": "application/json" });
          res.end(await answer.text());
        })
        .catch(() => {
          res.writeHead(500);
          res.end();
        });
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
