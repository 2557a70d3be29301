// A WAHA webhook delivery for one instance: verify the HMAC over the raw bytes, only then parse, dedupe and apply.
// Pushes to open pages and the QR fetch happen after the answer, so WAHA is never kept waiting.
import { env } from "~/env";
import { db } from "~/server/db";
import { unseal } from "~/server/crypto";
import { verifyWahaSignature } from "~/server/waha/signature";
import { wahaWebhookEventSchema, type WahaWebhookEvent } from "~/server/waha/schemas";
import { applyWahaEvent, type ApplyWahaEventResult, type StatusEvent } from "./apply-waha-event";
import { toChipInstance } from "./chip-instance";
import { forgetChipQr, refreshChipQr } from "./chip-qr";
import { publishChipView } from "./chip-status";
import { qrDeadline } from "./qr-deadline";
import { isUuid } from "./uuid";

export type WebhookHeaders = { signature: string | null; algorithm: string | null; timestamp: string | null };
export type ReceiveWahaWebhookOptions = { instanceId: string; rawBody: string; headers: WebhookHeaders };
export type WebhookAnswer = { status: 200 | 400 | 401 | 404; body: { ok: boolean; outcome?: string; error?: string } };

export async function receiveWahaWebhook({ instanceId, rawBody, headers }: ReceiveWahaWebhookOptions): Promise<WebhookAnswer> {
  if (!isUuid(instanceId)) return { status: 404, body: { ok: false, error: "unknown_instance" } };
  // The secret comes from the path's instance, never from anything in the unverified body.
  const instance = await db.wahaInstance.findUnique({ where: { id: instanceId } });
  if (!instance) return { status: 404, body: { ok: false, error: "unknown_instance" } };

  const toleranceSeconds = env.WEBHOOK_TOLERANCE_SECONDS;
  const verdict = verifyWahaSignature({
    rawBody,
    key: unseal(instance.webhookSecretEncrypted),
    signature: headers.signature,
    algorithm: headers.algorithm,
    timestamp: headers.timestamp,
    toleranceSeconds,
  });
  if (!verdict.ok) return { status: 401, body: { ok: false, error: verdict.reason === "stale" ? "stale" : "bad_signature" } };

  const event = parseEvent(rawBody);
  if (!event) return { status: 400, body: { ok: false, error: "malformed_event" } };
  // The header timestamp is not signed; the envelope's is, so replay protection rests on that one.
  if (Math.abs(Date.now() - event.timestamp) > toleranceSeconds * 1000) {
    return { status: 401, body: { ok: false, error: "stale" } };
  }

  const result = await applyWahaEvent({ instanceId, event });
  if (result.outcome === "applied") void afterStatusApplied(result, event, toChipInstance(instance));
  return { status: 200, body: { ok: true, outcome: result.outcome } };
}

function parseEvent(rawBody: string): WahaWebhookEvent | null {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return null;
  }
  const parsed = wahaWebhookEventSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

async function afterStatusApplied(
  result: Extract<ApplyWahaEventResult, { outcome: "applied" }>,
  event: WahaWebhookEvent,
  instance: ReturnType<typeof toChipInstance>,
) {
  const { chip } = result;
  try {
    await publishChipView(chip.id);
    if (chip.status !== "SCAN_QR_CODE" || event.event !== "session.status" || !instance) {
      forgetChipQr(chip.id);
      return;
    }
    const { statuses } = (event as StatusEvent).payload;
    const deadline = qrDeadline(event.timestamp, statuses, env.WAHA_SIM_TIME_SCALE);
    await refreshChipQr({ userId: chip.userId, chipId: chip.id, sessionName: chip.sessionName, instance, eventAt: event.timestamp, ...deadline });
  } catch (err) {
    console.error("[chips] push after webhook failed", chip.id, err instanceof Error ? err.message : err);
  }
}
