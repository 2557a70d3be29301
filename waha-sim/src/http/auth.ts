import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { SimulatorSettings } from "../settings";

/** Accepts the key from `X-Api-Key` or the `x-api-key` query parameter, compared in constant time. */
export function isAuthorized(req: IncomingMessage, query: URLSearchParams, apiKey: SimulatorSettings["apiKey"]): boolean {
  if (apiKey === null) return true;
  const header = req.headers["x-api-key"];
  const provided = (Array.isArray(header) ? header[0] : header) ?? query.get("x-api-key");
  if (!provided) return false;
  if (apiKey.kind === "plain") return constantTimeEqual(provided, apiKey.value);
  return constantTimeEqual(createHash("sha512").update(provided).digest("hex"), apiKey.hex);
}

function constantTimeEqual(a: string, b: string): boolean {
  // Hash both sides so lengths match and timing leaks nothing about the expected key's length.
  const left = createHash("sha256").update(a).digest();
  const right = createHash("sha256").update(b).digest();
  return timingSafeEqual(left, right);
}
