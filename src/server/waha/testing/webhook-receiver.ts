// A local webhook endpoint for contract tests: records each POST with its raw body and answers as told.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eventually } from "~/test/eventually";

export type ReceivedWebhook = { headers: http.IncomingHttpHeaders; rawBody: string; status: number };

export type WebhookReceiver = {
  url: string;
  received: ReceivedWebhook[];
  /** Resolves with the first delivery matching `predicate`, polling for at most `timeoutMs` (and a bounded count). */
  waitFor(predicate: (w: ReceivedWebhook) => boolean, timeoutMs?: number): Promise<ReceivedWebhook>;
  close(): Promise<void>;
};

/** `answer` picks the status from the delivery and how often this X-Webhook-Request-Id was seen before. */
export async function startWebhookReceiver(
  answer: (rawBody: string, previousTries: number) => number = () => 200,
): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const tries = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      const requestId = String(req.headers["x-webhook-request-id"] ?? "");
      const previousTries = tries.get(requestId) ?? 0;
      tries.set(requestId, previousTries + 1);
      const status = answer(rawBody, previousTries);
      received.push({ headers: req.headers, rawBody, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/hooks/waha`,
    received,
    async waitFor(predicate, timeoutMs = 10_000) {
      const everyMs = 20;
      return eventually(() => received.find(predicate), "a matching webhook", {
        everyMs,
        attempts: Math.ceil(timeoutMs / everyMs),
        timeoutMs,
      }).catch(() => {
        throw new Error(`No matching webhook within ${timeoutMs} ms (${received.length} received).`);
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
