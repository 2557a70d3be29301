import { createHmac, timingSafeEqual } from "node:crypto";

// WAHA signs the exact raw body with the webhook's hmac.key (CONTRACT.md §5.6): verify those bytes, parse later.

export const WAHA_HMAC_ALGORITHM = "sha512";
const SIGNATURE_HEX_LENGTH = 128;
export const DEFAULT_TIMESTAMP_TOLERANCE_SECONDS = 300;

type Bytes = string | Uint8Array;

/** Lowercase hex HMAC-SHA512, as WAHA sends in X-Webhook-Hmac. */
export function signWahaBody(rawBody: Bytes, key: Bytes): string {
  return createHmac(WAHA_HMAC_ALGORITHM, key).update(rawBody).digest("hex");
}

export type VerifyWahaSignatureOptions = {
  rawBody: Bytes;
  key: Bytes;
  /** X-Webhook-Hmac */
  signature: string | null | undefined;
  /** X-Webhook-Hmac-Algorithm */
  algorithm: string | null | undefined;
  /** X-Webhook-Timestamp (ms); checked only when given. */
  timestamp?: string | number | null;
  toleranceSeconds?: number;
  now?: number;
};

export type WahaSignatureResult = { ok: true } | { ok: false; reason: "missing" | "algorithm" | "mismatch" | "stale" };

export function verifyWahaSignature(options: VerifyWahaSignatureOptions): WahaSignatureResult {
  const { signature, algorithm } = options;
  if (!signature || !algorithm) return { ok: false, reason: "missing" };
  if (algorithm.trim().toLowerCase() !== WAHA_HMAC_ALGORITHM) return { ok: false, reason: "algorithm" };
  if (!signatureMatches(options.rawBody, options.key, signature.trim())) return { ok: false, reason: "mismatch" };
  // Staleness is judged only after the signature holds, so an unsigned caller learns nothing about the clock.
  if (options.timestamp !== undefined && options.timestamp !== null && !isFresh(options)) {
    return { ok: false, reason: "stale" };
  }
  return { ok: true };
}

function signatureMatches(rawBody: Bytes, key: Bytes, signature: string): boolean {
  // timingSafeEqual throws on unequal lengths, and Buffer.from(hex) silently drops bad digits: check both first.
  if (signature.length !== SIGNATURE_HEX_LENGTH || !/^[0-9a-fA-F]+$/.test(signature)) return false;
  const expected = createHmac(WAHA_HMAC_ALGORITHM, key).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(signature, "hex"), expected);
}

function isFresh({ timestamp, toleranceSeconds, now }: VerifyWahaSignatureOptions): boolean {
  const sentAt = Number(timestamp);
  if (!Number.isFinite(sentAt)) return false;
  const tolerance = (toleranceSeconds ?? DEFAULT_TIMESTAMP_TOLERANCE_SECONDS) * 1000;
  return Math.abs((now ?? Date.now()) - sentAt) <= tolerance;
}
