import type { Engine } from "../settings";

export const ACK_NAMES: Record<number, string> = { [-1]: "ERROR", 0: "PENDING", 1: "SERVER", 2: "DEVICE", 3: "READ", 4: "PLAYED" };

export interface MessageFacts {
  msgId: string;
  fromMe: boolean;
  /** The chat: the other party's id. */
  chatId: string;
  meId: string;
  text: string;
  timestampMs: number;
  ack: number;
  pushName?: string;
}

export function toSWhatsappNet(chatId: string): string {
  return chatId.replace(/@c\.us$/, "@s.whatsapp.net");
}

/** WAHA's serialized message id: {fromMe}_{chatId}_{msgId}. */
export function serializedId(facts: Pick<MessageFacts, "fromMe" | "chatId" | "msgId">): string {
  return `${facts.fromMe}_${facts.chatId}_${facts.msgId}`;
}

function baileysMessage(facts: MessageFacts): Record<string, unknown> {
  return {
    key: { remoteJid: toSWhatsappNet(facts.chatId), fromMe: facts.fromMe, id: facts.msgId },
    message: { extendedTextMessage: { text: facts.text } },
    messageTimestamp: String(Math.floor(facts.timestampMs / 1000)),
    ...(facts.pushName ? { pushName: facts.pushName } : {}),
    status: facts.fromMe ? "PENDING" : "SERVER_ACK",
  };
}

/** The `WAMessage` of message / message.any events. */
export function toWaMessage(facts: MessageFacts, source: "api" | "app"): Record<string, unknown> {
  return {
    id: serializedId(facts),
    timestamp: Math.floor(facts.timestampMs / 1000),
    from: facts.fromMe ? facts.meId : facts.chatId,
    fromMe: facts.fromMe,
    source,
    to: facts.fromMe ? facts.chatId : facts.meId,
    participant: null,
    body: facts.text,
    hasMedia: false,
    media: null,
    ack: facts.ack,
    ackName: ACK_NAMES[facts.ack],
    vCards: [],
    location: null,
    replyTo: null,
    _data: baileysMessage(facts),
  };
}

export function toAckBody(facts: MessageFacts, ack: number): Record<string, unknown> {
  return {
    id: serializedId(facts),
    from: facts.fromMe ? facts.meId : facts.chatId,
    to: facts.fromMe ? facts.chatId : facts.meId,
    participant: null,
    fromMe: facts.fromMe,
    ack,
    ackName: ACK_NAMES[ack],
    _data: { key: { remoteJid: toSWhatsappNet(facts.chatId), fromMe: facts.fromMe, id: facts.msgId } },
  };
}

/** sendText's response is engine-specific in WAHA; each engine's own shape is reproduced. */
export function toSendResponse(engine: Engine, facts: MessageFacts): Record<string, unknown> {
  const id = serializedId(facts);
  switch (engine) {
    case "NOWEB":
      return baileysMessage(facts);
    case "GOWS":
      return { id, _data: { Info: { ID: facts.msgId, Chat: toSWhatsappNet(facts.chatId), IsFromMe: true, Timestamp: new Date(facts.timestampMs).toISOString() } } };
    case "WEBJS":
    case "WPP":
      return {
        id: { fromMe: true, remote: facts.chatId, id: facts.msgId, _serialized: id },
        ack: 0,
        body: facts.text,
        from: facts.meId,
        to: facts.chatId,
        timestamp: Math.floor(facts.timestampMs / 1000),
        fromMe: true,
        hasMedia: false,
        type: "chat",
      };
  }
}
