// Text messages of a chip: sending through WAHA, paced per chip, and the history inbound webhooks and sends have
// recorded. Every new or changed row is pushed to the chip's open pages.
import { toChatId } from "~/lib/chips/chat-id";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { enforceRateLimit } from "~/server/rate-limit";
import { publishChipEvent } from "./chip-bus";
import { loadChipInstance, wahaClientFor } from "./chip-instance";
import { type ChipRef, findOwnedChip } from "./chip-queries";

export type SendChipMessageOptions = ChipRef & { chatId: string; text: string };
export type ListChipMessagesOptions = ChipRef & { limit?: number; cursor?: string };

export type ChipMessageView = {
  id: string;
  direction: "INBOUND" | "OUTBOUND";
  chatId: string;
  text: string;
  wahaId: string | null;
  ack: number;
  createdAt: string;
};

const TEXT_MAX_LENGTH = 4096;

export async function sendChipMessage({ chatId, text, ...ref }: SendChipMessageOptions): Promise<ChipMessageView> {
  if (!text.trim()) throw new AppError("BAD_REQUEST", "text_required");
  if (text.length > TEXT_MAX_LENGTH) throw new AppError("BAD_REQUEST", "text_too_long");
  const chat = toChatId(chatId);
  if (!chat) throw new AppError("BAD_REQUEST", "invalid_chat_id");
  const chip = await findOwnedChip(ref);
  if (chip.status !== "WORKING") throw new AppError("CONFLICT", "chip_not_working");
  const instance = await loadChipInstance(chip.instanceId);
  if (!instance) throw new AppError("CONFLICT", "chip_not_working");
  // Counted here, not per transport, so the dashboard and the API draw on one budget per number; refused requests
  // (bad recipient, chip offline) cost nothing.
  await enforceRateLimit("messageSendPerChip", chip.id);
  const sent = await wahaClientFor(instance).sendText({ session: chip.sessionName, chatId: chat, text });
  // An ack webhook can come back before this write and leave a placeholder row (no text, its ack): fill it in and
  // keep its ack, which is never lower than a fresh send's 0. One statement (ON CONFLICT), so no ack is lost.
  const row = await db.message.upsert({
    where: { chipId_wahaId: { chipId: chip.id, wahaId: sent.id } },
    create: { chipId: chip.id, direction: "OUTBOUND", chatId: chat, text, wahaId: sent.id, ack: 0 },
    update: { direction: "OUTBOUND", chatId: chat, text },
  });
  await db.chip.update({ where: { id: chip.id }, data: { lastActivityAt: new Date() } });
  const message = toMessageView(row);
  publishChipEvent(chip.userId, chip.id, { type: "message", chipId: chip.id, message });
  return message;
}

export async function listChipMessages({ limit = 50, cursor, ...ref }: ListChipMessagesOptions) {
  const chip = await findOwnedChip(ref);
  const take = Math.min(Math.max(1, limit), 200);
  const rows = await db.message.findMany({
    where: { chipId: chip.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, take);
  return { items: page.map(toMessageView), nextCursor: rows.length > take ? page[page.length - 1]!.id : null };
}

/** One message row as pages and the API see it, found by its WAHA id; null when there is none. */
export async function loadChipMessageView(chipId: string, wahaId: string): Promise<ChipMessageView | null> {
  const row = await db.message.findUnique({ where: { chipId_wahaId: { chipId, wahaId } } });
  return row ? toMessageView(row) : null;
}

function toMessageView(row: Omit<ChipMessageView, "createdAt"> & { createdAt: Date }): ChipMessageView {
  return { ...row, createdAt: row.createdAt.toISOString() };
}
