import { describe, expect, it } from "vitest";
import { parseFixedProxyList, parseHostPort } from "./parse-proxy-settings";

describe("parseHostPort", () => {
  it("reads host:port, IPv6 in brackets", () => {
    expect(parseHostPort("gw.example.com:823")).toEqual({ host: "gw.example.com", port: 823 });
    expect(parseHostPort("[::1]:9000")).toEqual({ host: "::1", port: 9000 });
  });

  it("rejects a missing or impossible port", () => {
    expect(parseHostPort("gw.example.com")).toBeNull();
    expect(parseHostPort("gw.example.com:0")).toBeNull();
    expect(parseHostPort("gw.example.com:70000")).toBeNull();
  });
});

describe("parseFixedProxyList", () => {
  it("reads comma-separated host:port:user:pass, keeping colons inside the password", () => {
    expect(parseFixedProxyList(" 10.0.0.1:8000:ana:pw1 , proxy.example:3128:bia:p:w:2,")).toEqual([
      { host: "10.0.0.1", port: 8000, username: "ana", password: "pw1" },
      { host: "proxy.example", port: 3128, username: "bia", password: "p:w:2" },
    ]);
  });

  it("treats an empty setting as no fixed proxies", () => {
    expect(parseFixedProxyList(undefined)).toEqual([]);
    expect(parseFixedProxyList("  ")).toEqual([]);
  });

  it("names a malformed entry by position without echoing its password", () => {
    const parse = () => parseFixedProxyList("10.0.0.1:8000:ana:pw1,10.0.0.2:notaport:bia:hunter2");
    expect(parse).toThrow(/entry 2 must look like host:port:user:pass/);
    expect(parse).not.toThrow(/hunter2/);
    expect(() => parseFixedProxyList("10.0.0.1:8000:ana")).toThrow(/entry 1/);
  });
});
