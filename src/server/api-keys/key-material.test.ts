import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateApiKey, hashApiKey, looksLikeApiKey } from "./key-material";

describe("generateApiKey", () => {
  it("makes a well-formed key whose prefix it starts with and whose hash is its SHA-256", () => {
    const { key, prefix, keyHash } = generateApiKey();
    expect(looksLikeApiKey(key)).toBe(true);
    expect(key.startsWith(`${prefix}_`)).toBe(true);
    expect(prefix).toMatch(/^whago_[0-9a-f]{8}$/);
    expect(keyHash).toBe(createHash("sha256").update(key).digest("hex"));
    expect(keyHash).not.toContain(key.slice(prefix.length + 1));
  });

  it("never repeats", () => {
    const keys = new Set(Array.from({ length: 50 }, () => generateApiKey().key));
    expect(keys.size).toBe(50);
  });
});

describe("looksLikeApiKey", () => {
  it("rejects anything but the exact format", () => {
    const { key } = generateApiKey();
    for (const bad of ["", "whago_", key.slice(0, -1), `${key}x`, key.replace("whago_", "waha_"), ` ${key}`]) {
      expect(looksLikeApiKey(bad)).toBe(false);
    }
  });

  it("hashes deterministically", () => {
    expect(hashApiKey("a")).toBe(hashApiKey("a"));
    expect(hashApiKey("a")).not.toBe(hashApiKey("b"));
  });
});
