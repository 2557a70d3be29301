/** An error that becomes an HTTP response with WAHA's exact body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(typeof body === "object" && body && "message" in body ? String((body as { message: unknown }).message) : `HTTP ${status}`);
  }
}

const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  404: "Not Found",
  422: "Unprocessable Entity",
  500: "Internal Server Error",
  501: "Not Implemented",
};

/** NestJS HttpException created with a string. */
export function stringError(status: number, message: string): HttpError {
  return new HttpError(status, { message, error: REASONS[status] ?? "Error", statusCode: status });
}

export const unauthorized = () => new HttpError(401, { message: "Unauthorized", statusCode: 401 });

export const validationFailed = (messages: string[]) =>
  new HttpError(400, { message: messages, error: "Bad Request", statusCode: 400 });

export const sessionNotFound = () => stringError(404, "Session not found");

export const sessionNotRunning = (name: string) =>
  stringError(404, `We didn't find a session with name '${name}'.\nPlease start it first by using POST /api/sessions/${name}/start request`);

export const sessionExists = (name: string) => stringError(422, `Session '${name}' already exists. Use PUT to update it.`);

// The status-wait 422s are raw objects: no message, no statusCode.
export const statusMismatch = (name: string, status: string, expected: string[]) =>
  new HttpError(422, {
    error: "Session status is not as expected. Try again later or restart the session",
    session: name,
    status,
    expected,
  });

export const sessionDoesNotExist = (name: string) => new HttpError(422, { error: `Session "${name}" does not exist`, session: name });

export const routeNotFound = (method: string, path: string) => stringError(404, `Cannot ${method} ${path}`);
