// The one JSON error shape of the REST API: { "error": { "code", "message" } }, from AppError, ZodError or anything.
import { ZodError } from "zod";
import { isAppError, toHttpStatus, type AppErrorCode } from "~/server/errors";

export type ApiErrorBody = { error: { code: AppErrorCode; message: string } };

function zodMessage(err: ZodError): string {
  const issues = err.issues.slice(0, 5).map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message));
  return `Invalid request: ${issues.join("; ")}`;
}

export function apiErrorResponse(code: AppErrorCode, message: string, headers = new Headers()): Response {
  const body: ApiErrorBody = { error: { code, message } };
  return Response.json(body, { status: toHttpStatus(code), headers });
}

/** Maps any thrown value to the error shape; unknown failures are logged and leak nothing. */
export function toErrorResponse(err: unknown, headers = new Headers()): Response {
  if (err instanceof ZodError) return apiErrorResponse("BAD_REQUEST", zodMessage(err), headers);
  if (isAppError(err)) {
    if (err.code === "RATE_LIMITED") {
      const seconds = Math.max(1, Math.ceil(err.retryAfterSeconds ?? 60));
      headers.set("Retry-After", String(seconds));
      return apiErrorResponse("RATE_LIMITED", `Too many requests. Retry in ${seconds} s.`, headers);
    }
    return apiErrorResponse(err.code, err.message, headers);
  }
  console.error("[api] unexpected error", err);
  return apiErrorResponse("INTERNAL", "Internal server error.", headers);
}
