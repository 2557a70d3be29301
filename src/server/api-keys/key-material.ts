import { createHash, randomBytes } from "node:crypto";

// whago_<8 hex: visible prefix>_<32 random bytes, base64url>. The prefix lets users tell keys apart in lists and
// logs; only the SHA-256 of the whole key is stored, so a database leak reveals no usable key.
const KEY_PATTERN = /^whago_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;

export type ApiKeyMaterial = { key: string; prefix: string; keyHash: string };

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function generateApiKey(): ApiKeyMaterial {
  const prefix = `whago_${randomBytes(4).toString("hex")}`;
  const key = `${prefix}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix, keyHash: hashApiKey(key) };
}

/** Cheap shape check before any database lookup. */
export function looksLikeApiKey(value: string): boolean {
  return KEY_PATTERN.test(value);
}
