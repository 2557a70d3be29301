import { describe, expect, it } from "vitest";
import { format, messagesByLocale } from ".";

describe("messages", () => {
  it("has the same keys and no empty text in every language", () => {
    const keys = Object.keys(messagesByLocale["pt-BR"]).sort();
    for (const messages of Object.values(messagesByLocale)) {
      expect(Object.keys(messages).sort()).toEqual(keys);
      for (const text of Object.values(messages)) expect(text.trim()).not.toBe("");
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("in {seconds} s {x}", { seconds: 30 })).toBe("in 30 s {x}");
  });
});
