import { newEventId, newWebhookRequestId } from "../ids";
import type { GlobalWebhook } from "../settings";
import type { SimSession } from "../sessions/session";
import { buildEnvelope, webhookWantsEvent, type WahaEnvironment } from "./envelope";
import { signBody } from "./hmac";
import { resolveRetryPolicy } from "./retry-policy";
import type { WebhookSender } from "./sender";
import type { WebhookConfig } from "../sessions/config-schema";

function toTarget(global: GlobalWebhook): WebhookConfig {
  return { url: global.url, events: global.events, hmac: { key: global.hmacKey }, retries: global.retries, customHeaders: global.customHeaders };
}

/** Turns a session event into one signed delivery per interested webhook (session's own, then the global env hook). */
export class WebhookDispatcher {
  constructor(
    private readonly sender: WebhookSender,
    private readonly environment: WahaEnvironment,
    private readonly globalWebhook: GlobalWebhook | null,
  ) {}

  dispatch(session: SimSession, event: string, payload: unknown): void {
    const targets = [...(session.record.config?.webhooks ?? []), ...(this.globalWebhook ? [toTarget(this.globalWebhook)] : [])];
    const interested = targets.filter((target) => webhookWantsEvent(target.events, event));
    if (interested.length === 0) return;
    const envelope = buildEnvelope({
      id: newEventId(),
      timestamp: Date.now(),
      event,
      session: session.name,
      metadata: session.record.config?.metadata,
      me: session.me,
      payload,
      environment: this.environment,
    });
    const body = JSON.stringify(envelope);
    for (const target of interested) {
      const headers: Record<string, string> = { "X-Webhook-Timestamp": String(envelope.timestamp) };
      const key = target.hmac?.key;
      if (key) {
        headers["X-Webhook-Hmac"] = signBody(body, key);
        headers["X-Webhook-Hmac-Algorithm"] = "sha512";
      }
      for (const header of target.customHeaders ?? []) headers[header.name] = header.value;
      this.sender.send(
        { eventId: envelope.id as string, event, session: session.name, url: target.url, body, headers, retry: resolveRetryPolicy(target.retries) },
        newWebhookRequestId(),
      );
    }
  }
}
