import type { z } from "zod";
import { WahaError } from "./errors";
import { errorFromNetworkFailure, errorFromResponse } from "./http-error";

export type RetryOptions = {
  /** Total tries, the first included. */
  attempts: number;
  /** Wait before the first retry; doubles after each one. */
  delayMs: number;
  maxDelayMs?: number;
};

export type WahaConnection = {
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
  retry?: RetryOptions;
  fetch?: typeof globalThis.fetch;
};

export type WahaRequest<S extends z.ZodType> = {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Path template values are already encoded by the caller (see `segment`). */
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  schema: S;
  /** Overrides the method's default: GET, PUT and DELETE are idempotent, POST is not. */
  idempotent?: boolean;
  accept?: string;
  /** Non-2xx statuses whose body is a regular answer (e.g. /health's 503). */
  extraOkStatuses?: number[];
};

export const DEFAULT_TIMEOUT_MS = 10_000;
// The previous system used 3 tries 15 s apart; a shorter start suits a container on the same host.
export const DEFAULT_RETRY: RetryOptions = { attempts: 3, delayMs: 500, maxDelayMs: 5_000 };

export type WahaRequester = <S extends z.ZodType>(request: WahaRequest<S>) => Promise<z.output<S>>;

export function createWahaRequester(connection: WahaConnection): WahaRequester {
  const baseUrl = connection.baseUrl.replace(/\/+$/, "");
  const timeoutMs = connection.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retry = connection.retry ?? DEFAULT_RETRY;
  const fetchImpl = connection.fetch ?? globalThis.fetch;

  async function once<S extends z.ZodType>(request: WahaRequest<S>): Promise<z.output<S>> {
    const call = { method: request.method, path: request.path };
    const hasBody = request.body !== undefined;
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(buildUrl(baseUrl, request), {
        method: request.method,
        headers: {
          "X-Api-Key": connection.apiKey,
          Accept: request.accept ?? "application/json",
          ...(hasBody ? { "Content-Type": "application/json" } : {}),
        },
        body: hasBody ? JSON.stringify(request.body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (err) {
      throw errorFromNetworkFailure(call, err, timeoutMs);
    }
    if (!response.ok && !request.extraOkStatuses?.includes(response.status)) {
      throw errorFromResponse(call, response.status, text);
    }
    return parseBody(call, response.status, text, request.schema);
  }

  return async function request(req) {
    const idempotent = req.idempotent ?? req.method !== "POST";
    const attempts = idempotent ? Math.max(1, retry.attempts) : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await once(req);
      } catch (err) {
        if (!(err instanceof WahaError) || !err.retryable || attempt >= attempts) throw err;
        await sleep(backoffMs(retry, attempt));
      }
    }
  };
}

/** Encodes one path segment, e.g. a session name. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

export function backoffMs(retry: RetryOptions, failedAttempt: number): number {
  const delay = retry.delayMs * 2 ** (failedAttempt - 1);
  return Math.min(delay, retry.maxDelayMs ?? Number.POSITIVE_INFINITY);
}

function buildUrl(baseUrl: string, { path, query }: { path: string; query?: Record<string, string | undefined> }) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) params.set(key, value);
  const search = params.size > 0 ? `?${params}` : "";
  return `${baseUrl}${path}${search}`;
}

function parseBody<S extends z.ZodType>(
  call: { method: string; path: string },
  status: number,
  text: string,
  schema: S,
): z.output<S> {
  let json: unknown = null;
  try {
    // WAHA answers an empty body where a handler returns nothing (DELETE, stop of an unknown session).
    json = text.trim() ? JSON.parse(text) : null;
  } catch (cause) {
    throw new WahaError({ ...call, kind: "invalid_response", status, detail: "response is not JSON", cause });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new WahaError({ ...call, kind: "invalid_response", status, detail: `unexpected response (${where.join("; ")})` });
  }
  return parsed.data;
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
