import { createHmac } from "node:crypto";

/** X-Webhook-Hmac: lowercase hex HMAC-SHA512 of the exact raw body. */
export function signBody(body: string, key: string): string {
  return createHmac("sha512", key).update(body, "utf8").digest("hex");
}
