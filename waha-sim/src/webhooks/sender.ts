import http from "node:http";
import https from "node:https";
import { WAHA_VERSION } from "../settings";
import type { Scheduler } from "../scheduler";
import { parseRetryAfter, retryDelayMs, type RetryPolicy } from "./retry-policy";

export interface Delivery {
  eventId: string;
  requestId: string;
  event: string;
  session: string;
  url: string;
  attempt: number;
  statusCode: number | null;
  error: string | null;
  timestamp: number;
}

export interface OutgoingWebhook {
  eventId: string;
  event: string;
  session: string;
  url: string;
  body: string;
  headers: Record<string, string>;
  retry: RetryPolicy;
}

const MAX_LOGGED_DELIVERIES = 10_000;

/** Posts webhooks like WAHA's WebhookSender: retries on network errors and on any non-2xx, same body every time. */
export class WebhookSender {
  readonly deliveries: Delivery[] = [];
  private readonly httpAgent = new http.Agent({ keepAlive: true });
  // WAHA does not verify the receiver's certificate.
  private readonly httpsAgent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });
  private closed = false;

  constructor(private readonly scheduler: Scheduler) {}

  send(webhook: OutgoingWebhook, requestId: string, attempt = 1): void {
    if (this.closed) return;
    void this.post(webhook, requestId).then((result) => {
      this.log({ ...result, eventId: webhook.eventId, requestId, event: webhook.event, session: webhook.session, url: webhook.url, attempt, timestamp: Date.now() });
      const failed = result.statusCode === null || result.statusCode < 200 || result.statusCode >= 300;
      if (!failed || attempt > webhook.retry.attempts || this.closed) return;
      const delay = retryDelayMs(webhook.retry, attempt, result.retryAfterMs);
      this.scheduler.after(delay, () => this.send(webhook, requestId, attempt + 1));
    });
  }

  close(): void {
    this.closed = true;
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private log(delivery: Delivery): void {
    this.deliveries.push(delivery);
    if (this.deliveries.length > MAX_LOGGED_DELIVERIES) this.deliveries.shift();
  }

  private post(webhook: OutgoingWebhook, requestId: string): Promise<{ statusCode: number | null; error: string | null; retryAfterMs: number | null }> {
    return new Promise((resolve) => {
      let url: URL;
      try {
        url = new URL(webhook.url);
      } catch {
        return resolve({ statusCode: null, error: "Invalid URL", retryAfterMs: null });
      }
      const isHttps = url.protocol === "https:";
      const request = (isHttps ? https : http).request(url, {
        method: "POST",
        agent: isHttps ? this.httpsAgent : this.httpAgent,
        headers: {
          "Content-Type": "application/json",
          "User-Agent": `WAHA/${WAHA_VERSION}`,
          "Content-Length": String(Buffer.byteLength(webhook.body)),
          "X-Webhook-Request-Id": requestId,
          ...webhook.headers,
        },
      });
      request.on("response", (response) => {
        response.resume();
        response.on("end", () => {
          const retryAfter = response.headers["retry-after"];
          resolve({ statusCode: response.statusCode ?? null, error: null, retryAfterMs: parseRetryAfter(retryAfter) });
        });
        response.on("error", (error) => resolve({ statusCode: null, error: error.message, retryAfterMs: null }));
      });
      request.on("error", (error) => resolve({ statusCode: null, error: (error as NodeJS.ErrnoException).code ?? error.message, retryAfterMs: null }));
      request.end(webhook.body);
    });
  }
}
