import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "~/server/errors";
import { toErrorResponse } from "./error-response";

async function read(res: Response) {
  return { status: res.status, body: await res.json(), retryAfter: res.headers.get("retry-after") };
}

describe("toErrorResponse", () => {
  it("keeps an AppError's code and message with its HTTP status", async () => {
    expect(await read(toErrorResponse(new AppError("NOT_FOUND", "chip_not_found")))).toEqual({
      status: 404,
      body: { error: { code: "NOT_FOUND", message: "chip_not_found" } },
      retryAfter: null,
    });
  });

  it("answers a rate limit with 429, Retry-After and a clear message", async () => {
    const res = await read(toErrorResponse(new AppError("RATE_LIMITED", "rate_limited", { retryAfterSeconds: 41.2 })));
    expect(res).toEqual({
      status: 429,
      body: { error: { code: "RATE_LIMITED", message: "Too many requests. Retry in 42 s." } },
      retryAfter: "42",
    });
  });

  it("turns validation errors into 400 naming the field", async () => {
    const parsed = z.object({ label: z.string() }).safeParse({ label: 3 });
    const res = await read(toErrorResponse(parsed.error));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("BAD_REQUEST");
    expect(res.body.error.message).toMatch(/^Invalid request: label: /);
  });

  it("hides unexpected errors behind a generic 500", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await read(toErrorResponse(new Error("password=hunter2 leaked")));
    expect(res).toEqual({ status: 500, body: { error: { code: "INTERNAL", message: "Internal server error." } }, retryAfter: null });
    log.mockRestore();
  });
});
