import { describe, expect, it } from "vitest";
import { gatewayUsername, newStickySessionId, SESSION_ID_PATTERN } from "./session-id";

describe("sticky session ids", () => {
  it("are 12 characters of [a-z0-9] and do not repeat", () => {
    const ids = Array.from({ length: 2_000 }, newStickySessionId);
    for (const id of ids) expect(id).toMatch(SESSION_ID_PATTERN);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("use the whole alphabet, letters and digits alike", () => {
    const seen = new Set(Array.from({ length: 300 }, newStickySessionId).join(""));
    expect(seen.size).toBe(36);
  });

  it("go into the username in the old system's exact format", () => {
    expect(gatewayUsername("acme", "ab12cd34ef56")).toBe("acme_session-ab12cd34ef56");
    expect(gatewayUsername("login__cr.br", "000000000000")).toBe("login__cr.br_session-000000000000");
  });
});
