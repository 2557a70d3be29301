import { describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { retryAfterMeta } from "./response-meta";

describe("tRPC response meta", () => {
  it("sets Retry-After in whole seconds from a rate-limited domain error", () => {
    const meta = retryAfterMeta({ errors: [{ cause: new AppError("RATE_LIMITED", "rate_limited", { retryAfterSeconds: 12.3 }) }] });
    expect(meta.headers?.get("Retry-After")).toBe("13");
  });

  it("adds nothing for other errors or success", () => {
    expect(retryAfterMeta({ errors: [{ cause: new AppError("NOT_FOUND", "chip_not_found") }] })).toEqual({});
    expect(retryAfterMeta({ errors: [{ cause: new Error("boom") }] })).toEqual({});
    expect(retryAfterMeta({ errors: [] })).toEqual({});
  });
});
