import { describe, expect, it } from "vitest";
import { toChatId } from "./chat-id";

describe("toChatId", () => {
  it.each([
    ["5511987654321", "5511987654321@c.us"],
    ["+55 11 98765-4321", "5511987654321@c.us"],
    [" +1 (415) 555-0100 ", "14155550100@c.us"],
    ["55.11.98765.4321", "5511987654321@c.us"],
  ])("turns the phone number %j into a user chat id", (input, expected) => {
    expect(toChatId(input)).toBe(expected);
  });

  it.each(["5511987654321@c.us", "120363025246125888@g.us", "123456789@lid", "  5511987654321@c.us "])(
    "keeps the WhatsApp chat id %j",
    (input) => {
      expect(toChatId(input)).toBe(input.trim());
    },
  );

  it.each(["", "   ", "1234567", "1234567890123456", "55 11 abc", "++5511987654321", "5511987654321@example.com", "a b@c.us"])(
    "refuses %j",
    (input) => {
      expect(toChatId(input)).toBeNull();
    },
  );
});
