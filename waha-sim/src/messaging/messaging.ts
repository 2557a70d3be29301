import { newMessageId } from "../ids";
import type { SessionManager } from "../sessions/manager";
import type { SimSession } from "../sessions/session";
import { TIMINGS } from "../sessions/timings";
import { toAckBody, toSendResponse, toWaMessage, type MessageFacts } from "./wa-message";

type Emit = (session: SimSession, event: string, payload: unknown) => void;

export function normalizeChatId(chatId: string): string {
  return chatId.includes("@") ? chatId : `${chatId.replace(/\D/g, "")}@c.us`;
}

/** Sends from a WORKING session: message.any now, acks SERVER → DEVICE → READ later, and delivery to a sibling session. */
export function sendText(
  manager: SessionManager,
  emit: Emit,
  session: SimSession,
  request: { chatId: string; text: string; id?: string },
): Record<string, unknown> {
  const me = session.record.auth!.me;
  const facts: MessageFacts = {
    msgId: request.id || newMessageId(),
    fromMe: true,
    chatId: normalizeChatId(request.chatId),
    meId: me.id,
    text: request.text,
    timestampMs: Date.now(),
    ack: 0,
  };
  session.touch();
  emit(session, "message.any", toWaMessage(facts, "api"));
  session.later(TIMINGS.ackServerMs, () => {
    emit(session, "message.ack", toAckBody(facts, 1));
    const recipient = manager.findWorkingByPhone(facts.chatId.split("@")[0]!);
    if (recipient && recipient !== session) {
      receiveText(emit, recipient, { from: me.id, text: facts.text, msgId: facts.msgId, pushName: me.pushName });
    }
  });
  session.later(TIMINGS.ackDeviceMs, () => emit(session, "message.ack", toAckBody(facts, 2)));
  session.later(TIMINGS.ackReadMs, () => emit(session, "message.ack", toAckBody(facts, 3)));
  return toSendResponse(manager.engine, facts);
}

/** An incoming message from a phone: `message` (incoming only) and `message.any`. */
export function receiveText(
  emit: Emit,
  session: SimSession,
  incoming: { from: string; text: string; msgId?: string; pushName?: string },
): { id: string } {
  const facts: MessageFacts = {
    msgId: incoming.msgId ?? newMessageId(),
    fromMe: false,
    chatId: normalizeChatId(incoming.from),
    meId: session.record.auth!.me.id,
    text: incoming.text,
    timestampMs: Date.now(),
    ack: 1,
    pushName: incoming.pushName,
  };
  session.touch();
  const message = toWaMessage(facts, "app");
  emit(session, "message", message);
  emit(session, "message.any", message);
  return { id: message.id as string };
}
