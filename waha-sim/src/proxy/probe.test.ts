import { describe, expect, it } from "vitest";
import { parseHostPort } from "./probe";

describe("parseHostPort", () => {
  it("reads host:port with or without a scheme", () => {
    expect(parseHostPort("proxy.local:8080")).toEqual({ host: "proxy.local", port: 8080 });
    expect(parseHostPort("http://127.0.0.1:3128")).toEqual({ host: "127.0.0.1", port: 3128 });
    expect(parseHostPort("[::1]:9000")).toEqual({ host: "::1", port: 9000 });
  });

  it("rejects values without a usable port", () => {
    expect(parseHostPort("proxy.local")).toBeNull();
    expect(parseHostPort("proxy.local:99999")).toBeNull();
  });
});
