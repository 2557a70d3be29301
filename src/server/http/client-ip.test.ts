import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

describe("clientIp", () => {
  it("takes the entry the nearest trusted proxy appended, not what the client wrote", () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.1", "x-real-ip": "10.0.0.1" });
    expect(clientIp(headers)).toBe("10.0.0.1");
    expect(clientIp(headers, 2)).toBe("203.0.113.7");
    expect(clientIp(headers, 9)).toBe("6.6.6.6");
  });

  it("falls back to X-Real-IP, then to one shared bucket", () => {
    expect(clientIp({ "x-real-ip": " 198.51.100.2 " })).toBe("198.51.100.2");
    expect(clientIp({ "x-forwarded-for": ["192.0.2.1"] })).toBe("192.0.2.1");
    expect(clientIp(new Headers())).toBe("unknown");
    expect(clientIp(undefined)).toBe("unknown");
  });
});
