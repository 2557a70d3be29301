import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

describe("clientIp", () => {
  it("takes the first X-Forwarded-For entry", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1", "x-real-ip": "10.0.0.1" }))).toBe(
      "203.0.113.7",
    );
  });

  it("falls back to X-Real-IP, then to one shared bucket", () => {
    expect(clientIp({ "x-real-ip": " 198.51.100.2 " })).toBe("198.51.100.2");
    expect(clientIp({ "x-forwarded-for": ["192.0.2.1"] })).toBe("192.0.2.1");
    expect(clientIp(new Headers())).toBe("unknown");
    expect(clientIp(undefined)).toBe("unknown");
  });
});
