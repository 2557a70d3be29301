import { WahaError, type WahaErrorKind } from "./errors";

type Call = { method: string; path: string };

/** Turns a non-2xx WAHA answer into a typed error; `text` is the raw response body. */
export function errorFromResponse(call: Call, status: number, text: string): WahaError {
  const body = parseJson(text);
  const messages = extractMessages(body);
  const kind = classify(status, messages);
  return new WahaError({
    ...call,
    kind,
    status,
    messages: kind === "invalid_input" ? messages : undefined,
    // 5xx bodies echo the request (proxy credentials included): never keep them.
    body: status < 500 ? body : undefined,
    retryable: kind === "unavailable" && status !== 501,
    detail: status < 500 ? messages.join("; ") || undefined : undefined,
  });
}

export function errorFromNetworkFailure(call: Call, err: unknown, timeoutMs: number): WahaError {
  const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
  const detail = timedOut ? `timed out after ${timeoutMs} ms` : `network error (${networkReason(err)})`;
  return new WahaError({ ...call, kind: "unavailable", retryable: true, detail, cause: err });
}

function classify(status: number, messages: string[]): WahaErrorKind {
  if (status >= 500) return "unavailable";
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 404) return "not_found";
  if (status === 400) return "invalid_input";
  if (status === 422 && messages.some((m) => /already exists/i.test(m))) return "already_exists";
  return "unprocessable";
}

// WAHA answers errors as {message: string | string[]}, as raw objects {error: string, ...} (status waits), or as
// {error: {message}} (missing files).
function extractMessages(body: unknown): string[] {
  if (typeof body === "string") return body.trim() ? [body.trim()] : [];
  if (!body || typeof body !== "object") return [];
  const { message, error } = body as { message?: unknown; error?: unknown };
  if (Array.isArray(message)) return message.filter((m): m is string => typeof m === "string");
  if (typeof message === "string") return [message];
  if (typeof error === "string") return [error];
  if (error && typeof error === "object" && typeof (error as { message?: unknown }).message === "string") {
    return [(error as { message: string }).message];
  }
  return [];
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text.slice(0, 500);
  }
}

function networkReason(err: unknown): string {
  const cause = err instanceof Error ? (err.cause as { code?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === "string") return cause.code;
  return err instanceof Error ? err.message : "unknown";
}
