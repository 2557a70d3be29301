// Applies one verified WAHA event to the chips of the instance that sent it. The WebhookEvent row is inserted in the
// same transaction as the change, so a redelivered id changes nothing; session.status is applied only when newer
// than the last applied one (WAHA's own event timestamp), so a late, older event cannot regress a chip.
import { db } from "~/server/db";
import type { ChipStatus, Prisma } from "~/generated/prisma/client";
import { phoneOf } from "./waha-ids";
import type { z } from "zod";
import type {
  messageAckEventSchema,
  messageEventSchema,
  SessionStatus,
  sessionStatusEventSchema,
  WahaWebhookEvent,
} from "~/server/waha/schemas";

export type ApplyWahaEventOptions = { instanceId: string; event: WahaWebhookEvent };

export type ApplyWahaEventResult =
  | { outcome: "duplicate" | "ignored" | "stale" | "recorded" }
  | { outcome: "applied"; chip: { id: string; userId: string; sessionName: string; status: ChipStatus } };

// PASSKEY_* (GOWS) wait on the phone like a QR does, but show no QR: to whago the chip is still connecting.
const chipStatusByWaha: Record<SessionStatus, ChipStatus> = {
  STOPPED: "STOPPED",
  STARTING: "STARTING",
  SCAN_QR_CODE: "SCAN_QR_CODE",
  PASSKEY_REQUIRED: "STARTING",
  PASSKEY_CONFIRMATION_REQUIRED: "STARTING",
  WORKING: "WORKING",
  FAILED: "FAILED",
};

const DEFAULT_FAILURE = "WhatsApp ended the session (QR not scanned in time, logged out on the phone, or an engine error).";

type Tx = Prisma.TransactionClient;

export async function applyWahaEvent({ instanceId, event }: ApplyWahaEventOptions): Promise<ApplyWahaEventResult> {
  return db.$transaction(async (tx) => {
    // ON CONFLICT DO NOTHING: a concurrent redelivery waits for this transaction, then inserts nothing.
    const { count } = await tx.webhookEvent.createMany({
      data: [{ id: event.id, instanceId, event: event.event, session: event.session }],
      skipDuplicates: true,
    });
    if (count === 0) return { outcome: "duplicate" } as const;
    // Only chips of the instance named in the (verified) path: one instance's secret cannot reach another's chips.
    const chip = await tx.chip.findFirst({
      where: { sessionName: event.session, instanceId, status: { not: "DELETED" } },
      select: { id: true, userId: true, sessionName: true },
    });
    if (!chip) return { outcome: "ignored" } as const;
    // The untyped "other event" variant refuses these names, so each cast names the one variant it can be.
    switch (event.event) {
      case "session.status":
        return applyStatus(tx, chip, event as StatusEvent);
      case "message":
        return applyInboundMessage(tx, chip, event as MessageEvent);
      case "message.ack":
        return applyAck(tx, chip, event as AckEvent);
      default:
        return { outcome: "ignored" } as const;
    }
  });
}

type ChipKey = { id: string; userId: string; sessionName: string };
export type StatusEvent = z.infer<typeof sessionStatusEventSchema>;
type MessageEvent = z.infer<typeof messageEventSchema>;
type AckEvent = z.infer<typeof messageAckEventSchema>;

async function applyStatus(tx: Tx, chip: ChipKey, event: StatusEvent): Promise<ApplyWahaEventResult> {
  const status = chipStatusByWaha[event.payload.status];
  const at = BigInt(event.timestamp);
  const paired = status === "WORKING" && event.me ? { phoneNumber: phoneOf(event.me.id), pushName: event.me.pushName ?? null } : {};
  const { count } = await tx.chip.updateMany({
    where: { id: chip.id, status: { not: "DELETED" }, OR: [{ statusEventAt: null }, { statusEventAt: { lte: at } }] },
    data: {
      status,
      statusReason: status === "FAILED" ? failureReason(event.payload.data) : null,
      statusEventAt: at,
      lastActivityAt: new Date(),
      ...paired,
    },
  });
  return count === 0 ? { outcome: "stale" } : { outcome: "applied", chip: { ...chip, status } };
}

async function applyInboundMessage(tx: Tx, chip: ChipKey, event: MessageEvent) {
  const message = event.payload;
  await tx.message.createMany({
    data: [
      {
        chipId: chip.id,
        direction: message.fromMe ? "OUTBOUND" : "INBOUND",
        chatId: message.fromMe ? (message.to ?? message.from) : message.from,
        text: message.body ?? "",
        wahaId: message.id,
        ack: message.ack ?? 0,
      },
    ],
    skipDuplicates: true,
  });
  await tx.chip.update({ where: { id: chip.id }, data: { lastActivityAt: new Date() } });
  return { outcome: "recorded" } as const;
}

async function applyAck(tx: Tx, chip: ChipKey, event: AckEvent) {
  // Acks only move forward (SERVER → DEVICE → READ), whatever order they arrive in.
  await tx.message.updateMany({
    where: { chipId: chip.id, wahaId: event.payload.id, ack: { lt: event.payload.ack } },
    data: { ack: event.payload.ack },
  });
  return { outcome: "recorded" } as const;
}

function failureReason(data: unknown): string {
  const reason = data && typeof data === "object" ? (data as { reason?: unknown }).reason : undefined;
  return typeof reason === "string" && reason ? reason : DEFAULT_FAILURE;
}
