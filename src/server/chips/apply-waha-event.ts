// Applies one verified WAHA event to the chips of the instance that sent it. The WebhookEvent row is inserted in the
// same transaction as the change, so a redelivered id changes nothing; session.status is applied only when newer
// than the last applied one (WAHA's own event timestamp), so a late, older event cannot regress a chip. A message
// row that was added or moved is pushed to open pages once the transaction has committed.
import { db } from "~/server/db";
import { LIVE_CHIP } from "~/server/live-chip";
import type { ChipStatus, Prisma } from "~/generated/prisma/client";
import { phoneOf } from "./waha-ids";
import type { z } from "zod";
import type {
  Me,
  messageAckEventSchema,
  messageEventSchema,
  SessionStatus,
  sessionStatusEventSchema,
  WahaWebhookEvent,
} from "~/server/waha/schemas";
import { publishChipEvent } from "./chip-bus";
import { loadChipMessageView } from "./chip-messages";

export type ApplyWahaEventOptions = { instanceId: string; event: WahaWebhookEvent };

type ChipKey = { id: string; userId: string; sessionName: string };

export type ApplyWahaEventResult =
  | { outcome: "duplicate" | "ignored" | "stale" }
  /** `changed`: the message row this event added or moved, if any. */
  | { outcome: "recorded"; changed?: { chip: ChipKey; wahaId: string } }
  | { outcome: "applied"; chip: ChipKey & { status: ChipStatus } };

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

export const chipStatusOf = (status: SessionStatus): ChipStatus => chipStatusByWaha[status];

const DEFAULT_FAILURE = "WhatsApp ended the session (QR not scanned in time, logged out on the phone, or an engine error).";

type Tx = Prisma.TransactionClient;

export async function applyWahaEvent({ instanceId, event }: ApplyWahaEventOptions): Promise<ApplyWahaEventResult> {
  const result = await applyInTransaction(instanceId, event);
  if (result.outcome === "recorded" && result.changed) void publishMessageChange(result.changed);
  return result;
}

function applyInTransaction(instanceId: string, event: WahaWebhookEvent): Promise<ApplyWahaEventResult> {
  return db.$transaction(async (tx) => {
    // ON CONFLICT DO NOTHING: a concurrent redelivery waits for this transaction, then inserts nothing.
    const { count } = await tx.webhookEvent.createMany({
      data: [{ id: event.id, instanceId, event: event.event, session: event.session }],
      skipDuplicates: true,
    });
    if (count === 0) return { outcome: "duplicate" } as const;
    // Only chips of the instance named in the (verified) path: one instance's secret cannot reach another's chips.
    const chip = await tx.chip.findFirst({
      where: { sessionName: event.session, instanceId, ...LIVE_CHIP },
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

export type StatusEvent = z.infer<typeof sessionStatusEventSchema>;
type MessageEvent = z.infer<typeof messageEventSchema>;
type AckEvent = z.infer<typeof messageAckEventSchema>;

function applyStatus(tx: Tx, chip: ChipKey, event: StatusEvent): Promise<ApplyWahaEventResult> {
  const { status, data } = event.payload;
  return applySessionStatus(tx, chip, { status, at: event.timestamp, me: event.me, data });
}

export type SessionStatusChange = {
  status: SessionStatus;
  /** When WAHA was in this status (ms since the epoch); an older change than the last applied one is stale. */
  at: number;
  me?: Me | null;
  /** WAHA's extra status data; a FAILED reason is read from it. */
  data?: unknown;
};

/** A WAHA session status onto its chip, from a webhook or from a status re-sync; never undoes a newer one. */
export async function applySessionStatus(tx: Tx, chip: ChipKey, change: SessionStatusChange): Promise<ApplyWahaEventResult> {
  const status = chipStatusByWaha[change.status];
  const at = BigInt(change.at);
  const { me } = change;
  const paired = status === "WORKING" && me ? { phoneNumber: phoneOf(me.id), pushName: me.pushName ?? null } : {};
  const { count } = await tx.chip.updateMany({
    where: { id: chip.id, ...LIVE_CHIP, OR: [{ statusEventAt: null }, { statusEventAt: { lte: at } }] },
    data: {
      status,
      statusReason: status === "FAILED" ? failureReason(change.data) : null,
      statusEventAt: at,
      lastActivityAt: new Date(),
      ...paired,
    },
  });
  return count === 0 ? { outcome: "stale" } : { outcome: "applied", chip: { ...chip, status } };
}

async function applyInboundMessage(tx: Tx, chip: ChipKey, event: MessageEvent): Promise<ApplyWahaEventResult> {
  const message = event.payload;
  const { count } = await tx.message.createMany({
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
  return count === 0 ? { outcome: "recorded" } : { outcome: "recorded", changed: { chip, wahaId: message.id } };
}

async function applyAck(tx: Tx, chip: ChipKey, event: AckEvent): Promise<ApplyWahaEventResult> {
  const { id: wahaId, ack, fromMe, to } = event.payload;
  // The ack of a send can arrive before sendChipMessage has saved its row. Insert-if-absent first, then move
  // forward: whichever of the two writes lands second finds the other's row, so the ack is never lost.
  if (fromMe) {
    await tx.message.createMany({
      data: [{ chipId: chip.id, direction: "OUTBOUND", chatId: to, text: "", wahaId, ack }],
      skipDuplicates: true,
    });
  }
  // Acks only move forward (SERVER → DEVICE → READ), whatever order they arrive in.
  const moved = await tx.message.updateMany({
    where: { chipId: chip.id, wahaId, ack: { lt: ack } },
    data: { ack },
  });
  // A new placeholder is not pushed: it has no text yet, and the send pushes the whole row with this ack.
  return moved.count > 0 ? { outcome: "recorded", changed: { chip, wahaId } } : { outcome: "recorded" };
}

async function publishMessageChange({ chip, wahaId }: { chip: ChipKey; wahaId: string }) {
  try {
    const message = await loadChipMessageView(chip.id, wahaId);
    if (message) publishChipEvent(chip.userId, chip.id, { type: "message", chipId: chip.id, message });
  } catch (err) {
    console.error("[chips] message push failed", chip.id, err instanceof Error ? err.message : err);
  }
}

function failureReason(data: unknown): string {
  const reason = data && typeof data === "object" ? (data as { reason?: unknown }).reason : undefined;
  return typeof reason === "string" && reason ? reason : DEFAULT_FAILURE;
}
