// Wraps a REST route: API key → user, per-key limit, scope, zod-parsed input, the one error shape.
import { authenticateApiKey, requireScope } from "~/server/api-keys";
import { AppError } from "~/server/errors";
import { enforceRateLimit, type LimitDecision } from "~/server/rate-limit";
import type { ApiHandlerInput, ApiHandlerResult, ApiRouteContract } from "./api-contract";
import { toErrorResponse } from "./error-response";

export const API_KEY_HEADER = "x-api-key";

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

function rateLimitHeaders(decision: LimitDecision, headers: Headers) {
  headers.set("X-RateLimit-Limit", String(decision.limit));
  headers.set("X-RateLimit-Remaining", String(decision.remaining));
  headers.set("X-RateLimit-Reset", String(Math.ceil(decision.resetAt / 1000)));
}

async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body must be valid JSON.");
  }
}

export function withApiKey<C extends ApiRouteContract>(
  contract: C,
  handler: (input: ApiHandlerInput<C>) => Promise<ApiHandlerResult<C>>,
) {
  return async (req: Request, context: RouteContext): Promise<Response> => {
    const headers = new Headers();
    try {
      const principal = await authenticateApiKey(req.headers.get(API_KEY_HEADER));
      // Counted before the scope check so a key probing routes it may not use is limited too.
      rateLimitHeaders(await rateLimitedKey(principal.apiKeyId, headers), headers);
      requireScope(principal, contract.scope);
      const input = {
        userId: principal.userId,
        apiKeyId: principal.apiKeyId,
        params: contract.params?.parse(await context.params),
        query: contract.query?.parse(Object.fromEntries(new URL(req.url).searchParams)),
        body: contract.body?.parse(await readJson(req)),
      } as ApiHandlerInput<C>;
      for (const name of contract.limits ?? []) await enforceRateLimit(name, routeLimitKey(input));
      const result = await handler(input);
      if (!contract.response) return new Response(null, { status: 204, headers });
      // An answer that breaks its own schema is our bug: a 500 that leaks nothing, not the caller's 400.
      const output = contract.response.safeParse(result);
      if (!output.success) throw new Error(`${contract.method} ${contract.path} answered outside its schema: ${output.error.message}`);
      return Response.json(output.data, { status: contract.successStatus ?? 200, headers });
    } catch (err) {
      return toErrorResponse(err, headers);
    }
  };
}

/** A route's own limits count per user, and per the path's resource when there is one (e.g. per chip). */
function routeLimitKey({ userId, params }: { userId: string; params?: unknown }): string {
  const id = (params as { id?: unknown } | undefined)?.id;
  return typeof id === "string" ? `${userId}:${id}` : userId;
}

async function rateLimitedKey(apiKeyId: string, headers: Headers): Promise<LimitDecision> {
  try {
    return await enforceRateLimit("apiPerKey", apiKeyId);
  } catch (err) {
    // A refused request still tells the client its budget.
    headers.set("X-RateLimit-Remaining", "0");
    throw err;
  }
}
