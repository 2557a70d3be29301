// Shared by the send form and the chips domain, so a recipient the form accepts is one the server accepts.

/** Phone numbers with country code run 8 to 15 digits (E.164). */
const PHONE_DIGITS = /^\d{8,15}$/;
// What people paste around a number: a leading +, spaces, dashes, dots and parentheses.
const PHONE_DECORATION = /^\+|[\s\-.()]/g;
const WHATSAPP_CHAT_ID = /^[\w.+-]+@(c\.us|g\.us|lid|newsletter)$/;

/** A phone number becomes a user chat id (`<digits>@c.us`); a WhatsApp chat id stays as is; anything else is null. */
export function toChatId(input: string): string | null {
  const trimmed = input.trim();
  if (WHATSAPP_CHAT_ID.test(trimmed)) return trimmed;
  const digits = trimmed.replace(PHONE_DECORATION, "");
  return PHONE_DIGITS.test(digits) ? asChatId(digits) : null;
}

/** WAHA's own rule, without validation: a bare number is read as a user chat id, anything with an @ as a chat id. */
export function asChatId(chatIdOrNumber: string): string {
  return chatIdOrNumber.includes("@") ? chatIdOrNumber : `${chatIdOrNumber.replace(/\D/g, "")}@c.us`;
}
