// next-auth reports a failed credentials sign-in as an error string; this is the one place that encodes and reads it.
// Shared by the server (which throws) and the login form (which explains).
const RATE_LIMITED_PREFIX = "rate_limited:";
export const ACCOUNT_SUSPENDED = "account_suspended";

export type SignInError =
  | { kind: "invalid" }
  | { kind: "rate_limited"; retryAfterSeconds: number }
  | { kind: "suspended" }
  | { kind: "unknown" };

export function rateLimitedSignInError(retryAfterSeconds: number): string {
  return `${RATE_LIMITED_PREFIX}${Math.max(1, Math.ceil(retryAfterSeconds))}`;
}

export function parseSignInError(error: string | null | undefined): SignInError {
  if (!error) return { kind: "unknown" };
  if (error === "CredentialsSignin") return { kind: "invalid" };
  if (error === ACCOUNT_SUSPENDED) return { kind: "suspended" };
  if (error.startsWith(RATE_LIMITED_PREFIX)) {
    const seconds = Number(error.slice(RATE_LIMITED_PREFIX.length));
    if (Number.isFinite(seconds) && seconds > 0) return { kind: "rate_limited", retryAfterSeconds: seconds };
  }
  return { kind: "unknown" };
}
