import { describe, expect, it } from "vitest";
import { phoneOf } from "./waha-ids";

describe("phoneOf", () => {
  it("keeps the digits of a WhatsApp id", () => {
    expect(phoneOf("5511987654321@c.us")).toBe("5511987654321");
    expect(phoneOf("5511987654321:12@s.whatsapp.net")).toBe("5511987654321");
  });
});
