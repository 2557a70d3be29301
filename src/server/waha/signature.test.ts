import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWahaBody, verifyWahaSignature } from "./signature";

const key = "my-secret-key";
const rawBody = '{"event":"message","session":"default","engine":"WEBJS"}';
const now = 1_741_249_702_485;

function verify(overrides: Partial<Parameters<typeof verifyWahaSignature>[0]> = {}) {
  return verifyWahaSignature({ rawBody, key, signature: signWahaBody(rawBody, key), algorithm: "sha512", ...overrides });
}

describe("signWahaBody", () => {
  it("matches WAHA's documented test vector", () => {
    expect(signWahaBody(rawBody, key)).toBe(
      "208f8a55dde9e05519e898b10b89bf0d0b3b0fdf11fdbf09b6b90476301b98d8097c462b2b17a6ce93b6b47a136cf2e78a33a63f6752c2c1631777076153fa89",
    );
  });

  it("signs bytes and strings alike", () => {
    expect(signWahaBody(Buffer.from(rawBody), Buffer.from(key))).toBe(signWahaBody(rawBody, key));
  });
});

describe("verifyWahaSignature", () => {
  it("accepts a body signed with the same key (round trip)", () => {
    expect(verify()).toEqual({ ok: true });
  });

  it("accepts an uppercase signature and algorithm", () => {
    expect(verify({ signature: signWahaBody(rawBody, key).toUpperCase(), algorithm: "SHA512" })).toEqual({ ok: true });
  });

  it("rejects a tampered body", () => {
    expect(verify({ rawBody: rawBody.replace("message", "messagE") })).toEqual({ ok: false, reason: "mismatch" });
  });

  it("rejects a signature made with another key", () => {
    expect(verify({ signature: signWahaBody(rawBody, "other-key") })).toEqual({ ok: false, reason: "mismatch" });
  });

  it("rejects another algorithm even when its HMAC is right", () => {
    const sha256 = createHmac("sha256", key).update(rawBody).digest("hex");
    expect(verify({ signature: sha256, algorithm: "sha256" })).toEqual({ ok: false, reason: "algorithm" });
  });

  it("reports missing headers", () => {
    expect(verify({ signature: undefined })).toEqual({ ok: false, reason: "missing" });
    expect(verify({ signature: "" })).toEqual({ ok: false, reason: "missing" });
    expect(verify({ algorithm: null })).toEqual({ ok: false, reason: "missing" });
  });

  it("rejects signatures of the wrong length without throwing", () => {
    const good = signWahaBody(rawBody, key);
    expect(verify({ signature: good.slice(0, -2) })).toEqual({ ok: false, reason: "mismatch" });
    expect(verify({ signature: `${good}00` })).toEqual({ ok: false, reason: "mismatch" });
  });

  it("rejects non-hex signatures of the right length", () => {
    // Buffer.from(…, "hex") would stop at "zz" and compare a shorter buffer.
    const good = signWahaBody(rawBody, key);
    expect(verify({ signature: `zz${good.slice(2)}` })).toEqual({ ok: false, reason: "mismatch" });
  });

  it("accepts a timestamp within the tolerance", () => {
    expect(verify({ timestamp: String(now - 299_000), now })).toEqual({ ok: true });
    expect(verify({ timestamp: now + 60_000, toleranceSeconds: 60, now })).toEqual({ ok: true });
  });

  it("rejects stale and future timestamps", () => {
    expect(verify({ timestamp: String(now - 301_000), now })).toEqual({ ok: false, reason: "stale" });
    expect(verify({ timestamp: String(now + 61_000), toleranceSeconds: 60, now })).toEqual({ ok: false, reason: "stale" });
    expect(verify({ timestamp: "yesterday", now })).toEqual({ ok: false, reason: "stale" });
  });

  it("checks the signature before the clock", () => {
    const forged = signWahaBody(rawBody, "other-key");
    expect(verify({ signature: forged, timestamp: String(now - 3_600_000), now })).toEqual({ ok: false, reason: "mismatch" });
  });
});
