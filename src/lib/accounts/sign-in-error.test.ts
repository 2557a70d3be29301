import { describe, expect, it } from "vitest";
import { parseSignInError, rateLimitedSignInError } from "./sign-in-error";

describe("sign-in error strings", () => {
  it("round-trips a rate limit with whole seconds", () => {
    expect(parseSignInError(rateLimitedSignInError(12.2))).toEqual({ kind: "rate_limited", retryAfterSeconds: 13 });
  });
  it("reads next-auth's credentials failure as invalid and anything else as unknown", () => {
    expect(parseSignInError("CredentialsSignin")).toEqual({ kind: "invalid" });
    expect(parseSignInError("account_suspended")).toEqual({ kind: "suspended" });
    expect(parseSignInError("rate_limited:abc")).toEqual({ kind: "unknown" });
    expect(parseSignInError(undefined)).toEqual({ kind: "unknown" });
  });
});
