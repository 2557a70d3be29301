import { isAppError } from "~/server/errors";

/** A rate-limited tRPC call tells the client when to come back, as the REST API does. */
export function retryAfterMeta({ errors }: { errors: { cause?: unknown }[] }): { headers?: Headers } {
  const wait = errors.map((e) => e.cause).find(isAppError)?.retryAfterSeconds;
  return wait ? { headers: new Headers({ "Retry-After": String(Math.ceil(wait)) }) } : {};
}
