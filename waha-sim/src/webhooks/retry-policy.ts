export type RetryPolicyName = "constant" | "linear" | "exponential";

export interface RetryPolicy {
  policy: RetryPolicyName;
  delaySeconds: number;
  attempts: number;
}

/** WAHA's defaults when a webhook has no (or a partial) `retries`: 15 retries, 2 s apart. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { policy: "constant", delaySeconds: 2, attempts: 15 };

export function resolveRetryPolicy(retries: { policy?: string | null; delaySeconds?: number | null; attempts?: number | null } | null | undefined): RetryPolicy {
  const policy = retries?.policy;
  return {
    policy: policy === "linear" || policy === "exponential" || policy === "constant" ? policy : DEFAULT_RETRY_POLICY.policy,
    delaySeconds: retries?.delaySeconds ?? DEFAULT_RETRY_POLICY.delaySeconds,
    attempts: retries?.attempts ?? DEFAULT_RETRY_POLICY.attempts,
  };
}

/**
 * Delay in ms before retry `retryNumber` (1-based): constant d, linear n·d, exponential 2ⁿ·d plus 0–20 % jitter.
 * A larger Retry-After from the receiver always wins.
 */
export function retryDelayMs(policy: RetryPolicy, retryNumber: number, retryAfterMs: number | null, random = Math.random): number {
  const d = policy.delaySeconds * 1000;
  let delay: number;
  if (policy.policy === "linear") delay = retryNumber * d;
  else if (policy.policy === "exponential") delay = 2 ** retryNumber * d * (1 + 0.2 * random());
  else delay = d;
  return Math.max(delay, retryAfterMs ?? 0);
}

/** Retry-After as seconds or an HTTP date. */
export function parseRetryAfter(header: string | undefined, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
