import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, parseEncryptionKey } from "./secret-box";

describe("secret box", () => {
  const key = randomBytes(32);

  it("round-trips and never contains the plain text", () => {
    const sealed = encryptSecret("proxy-password-123", key);
    expect(sealed).not.toContain("proxy-password-123");
    expect(decryptSecret(sealed, key)).toBe("proxy-password-123");
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same", key)).not.toBe(encryptSecret("same", key));
  });

  it("rejects a tampered ciphertext and a wrong key", () => {
    const sealed = encryptSecret("secret", key);
    const parts = sealed.split(".");
    parts[3] = Buffer.from("other").toString("base64url");
    expect(() => decryptSecret(parts.join("."), key)).toThrow();
    expect(() => decryptSecret(sealed, randomBytes(32))).toThrow();
  });

  it("accepts hex and base64 keys of 32 bytes only", () => {
    const raw = randomBytes(32);
    expect(parseEncryptionKey(raw.toString("hex")).equals(raw)).toBe(true);
    expect(parseEncryptionKey(raw.toString("base64")).equals(raw)).toBe(true);
    expect(() => parseEncryptionKey("short")).toThrow(/32 bytes/);
  });
});
