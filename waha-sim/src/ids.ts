import { randomBytes, randomInt } from "node:crypto";
import { ulid } from "ulid";

export function newEventId(): string {
  return `evt_${ulid().toLowerCase()}`;
}

export function newSessionName(): string {
  return `session_${ulid().toLowerCase()}`;
}

/** Baileys-style message id (NOWEB): "3EB0" + 18 upper-case hex characters. */
export function newMessageId(): string {
  return `3EB0${randomBytes(9).toString("hex").toUpperCase()}`;
}

/** Like npm `uniqid`: time + randomness in base 36, ~18 characters, not a UUID. */
export function newWebhookRequestId(): string {
  const time = Date.now().toString(36);
  let random = "";
  while (random.length < 18 - time.length) random += randomInt(36).toString(36);
  return `${random.slice(0, 6)}${time}${random.slice(6)}`;
}

/** A WhatsApp multi-device QR payload: "2@<ref>,<noise key>,<identity key>,<adv secret>". */
export function newQrValue(): string {
  const ref = randomBytes(48).toString("base64").replace(/=+$/, "");
  return `2@${ref},${randomBytes(32).toString("base64")},${randomBytes(32).toString("base64")},${randomBytes(32).toString("base64")}`;
}

const PAIRING_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTVWXYZ";

/** WhatsApp link codes: 8 characters shown as XXXX-XXXX. */
export function newPairingCode(): string {
  const chars = Array.from({ length: 8 }, () => PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)]);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}

export function newLid(): string {
  return `${randomInt(10 ** 9, 10 ** 10)}${randomInt(10 ** 4, 10 ** 5)}@lid`;
}
