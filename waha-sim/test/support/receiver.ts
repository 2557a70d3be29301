import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedHook {
  rawBody: string;
  // Tests read arbitrary parts of WAHA envelopes; a full type would only restate the assertions.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: http.IncomingHttpHeaders;
  answeredWith: number;
}

/** A local webhook receiver that records every request and can fail the first N tries of each event. */
export async function startReceiver(options: { failFirst?: number; failStatus?: number } = {}) {
  const received: ReceivedHook[] = [];
  const triesPerEvent = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      const body = JSON.parse(rawBody);
      const tries = (triesPerEvent.get(body.id) ?? 0) + 1;
      triesPerEvent.set(body.id, tries);
      const status = tries <= (options.failFirst ?? 0) ? (options.failStatus ?? 500) : 200;
      received.push({ rawBody, body, headers: req.headers, answeredWith: status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    received,
    events: (session: string, event: string) => received.filter((r) => r.body.session === session && r.body.event === event && r.answeredWith === 200),
    statuses: (session: string) =>
      received.filter((r) => r.body.session === session && r.body.event === "session.status").map((r) => r.body.payload.status as string),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
