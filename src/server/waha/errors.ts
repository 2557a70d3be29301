import { AppError, type AppErrorCode } from "~/server/errors";

export const wahaErrorKinds = [
  "not_found",
  "already_exists",
  "unauthorized",
  "invalid_input",
  "unprocessable",
  "unavailable",
  "invalid_response",
] as const;
export type WahaErrorKind = (typeof wahaErrorKinds)[number];

// A WAHA 401/403 means whago holds a wrong key for its own container: an upstream fault, never the end user's.
const appCodeByKind: Record<WahaErrorKind, AppErrorCode> = {
  not_found: "NOT_FOUND",
  already_exists: "CONFLICT",
  unauthorized: "UPSTREAM_UNAVAILABLE",
  invalid_input: "BAD_REQUEST",
  unprocessable: "CONFLICT",
  unavailable: "UPSTREAM_UNAVAILABLE",
  invalid_response: "UPSTREAM_UNAVAILABLE",
};

export type WahaErrorOptions = {
  kind: WahaErrorKind;
  method: string;
  path: string;
  /** HTTP status, absent for network errors and timeouts. */
  status?: number;
  /** WAHA's validation messages (invalid_input). */
  messages?: string[];
  /** Parsed response body of a 4xx, e.g. the current status of a status-mismatch 422. */
  body?: unknown;
  /** Whether repeating the same call may succeed (network error, timeout, 5xx). */
  retryable?: boolean;
  detail?: string;
  cause?: unknown;
};

export class WahaError extends AppError {
  readonly kind: WahaErrorKind;
  readonly method: string;
  readonly path: string;
  readonly status?: number;
  readonly messages: string[];
  readonly body?: unknown;
  readonly retryable: boolean;

  constructor(options: WahaErrorOptions) {
    super(appCodeByKind[options.kind], formatMessage(options), { cause: options.cause });
    this.name = "WahaError";
    this.kind = options.kind;
    this.method = options.method;
    this.path = options.path;
    this.status = options.status;
    this.messages = options.messages ?? [];
    this.body = options.body;
    this.retryable = options.retryable ?? false;
  }
}

export function isWahaError(err: unknown, kind?: WahaErrorKind): err is WahaError {
  return err instanceof WahaError && (kind === undefined || err.kind === kind);
}

function formatMessage({ method, path, status, detail }: WahaErrorOptions): string {
  const head = `[WAHA] ${method} ${path}${status === undefined ? "" : ` ${status}`}`;
  return detail ? `${head}: ${detail}` : head;
}
