import { describe, expect, it } from "vitest";
import { NAME_PATTERN_MESSAGE, parseCreateRequest, parseUpdateRequest } from "./config-schema";

const lax = { strict: false };

describe("parseCreateRequest", () => {
  it("keeps string metadata and strips unknown keys at every level", () => {
    const { value, errors } = parseCreateRequest(
      { name: "chip_1", start: true, extra: 1, config: { engine: "X", metadata: { "user.id": "1" }, client: { deviceName: "D", os: "x" } } },
      lax,
    );
    expect(errors).toEqual([]);
    expect(value).toEqual({ name: "chip_1", start: true, config: { metadata: { "user.id": "1" }, client: { deviceName: "D" } } });
  });

  it.each([{ n: 1 }, { nested: {} }, { x: null }, { b: true }])("rejects non-string metadata values %j", (metadata) => {
    expect(parseCreateRequest({ config: { metadata } }, lax).errors).toEqual(["config.metadata accepts string key-value pairs only"]);
  });

  it("accepts null, empty and (WAHA quirk) array metadata", () => {
    for (const metadata of [null, {}, ["a", "b"]]) expect(parseCreateRequest({ config: { metadata } }, lax).errors).toEqual([]);
  });

  it("requires proxy.server and validates webhooks with WAHA's messages", () => {
    const { errors } = parseCreateRequest(
      {
        config: {
          proxy: { username: "u" },
          webhooks: [
            { url: "http://app:3000/hook", events: ["*"] },
            { url: "ftp://x", events: ["message", "nope"], retries: { policy: "random", attempts: "3" } },
          ],
        },
      },
      lax,
    );
    expect(errors).toContain("config.proxy.server must be a string");
    expect(errors).toContain("config.webhooks.1.url must be a URL address");
    expect(errors.find((e) => e.startsWith("config.webhooks.1.each value in events must be one of the following values: session.status, message,"))).toBeDefined();
    expect(errors).toContain("config.webhooks.1.retries.policy must be one of the following values: linear, exponential, constant");
    expect(errors).toContain("config.webhooks.1.retries.attempts must be a number conforming to the specified constraints");
    expect(errors.some((e) => e.startsWith("config.webhooks.0"))).toBe(false);
  });

  it("checks the name pattern and the 54-character limit", () => {
    expect(parseCreateRequest({ name: "a b" }, lax).errors).toEqual([NAME_PATTERN_MESSAGE]);
    expect(parseCreateRequest({ name: "a".repeat(54) }, lax).errors).toEqual([]);
    expect(parseCreateRequest({ name: "a".repeat(55) }, lax).errors).toEqual(["name must be shorter than or equal to 54 characters"]);
  });

  it("rejects unknown keys in strict mode with a prefixed path", () => {
    expect(parseCreateRequest({ config: { engine: "X" } }, { strict: true }).errors).toEqual(["config.property engine should not exist"]);
  });

  it("strips name from a PUT body", () => {
    expect(parseUpdateRequest({ name: "x", config: { debug: true } }, lax).value).toEqual({ config: { debug: true } });
  });
});
