// A REST route described once: the wrapper validates with these schemas and the OpenAPI document is built from them.
import type { z } from "zod";
import type { ApiKeyScope } from "~/server/api-keys/scopes";
import type { LimitName } from "~/server/rate-limit/limits";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type ApiRouteContract = {
  method: HttpMethod;
  /** Full path in OpenAPI form, e.g. "/api/v1/chips/{id}". */
  path: `/api/v1${string}`;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  scope: ApiKeyScope;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Absent: the route answers 204 with no body. */
  response?: z.ZodType;
  responseDescription: string;
  successStatus?: 200 | 201;
  /** Named limits the wrapper applies besides the per-key limit, per user (and per the path's {id}); in the docs. */
  limits?: LimitName[];
  /** Named limits the domain counts itself, for every transport alike; only documented here, never applied twice. */
  domainLimits?: LimitName[];
  /** Error codes the route can answer besides the ones every route can (400, 401, 403, 429, 500). */
  errors?: ("NOT_FOUND" | "CONFLICT" | "UPSTREAM_UNAVAILABLE")[];
};

/** Keeps the literal types so handlers get typed params, query, body and result. */
export function defineApiRoute<const C extends ApiRouteContract>(contract: C): C {
  return contract;
}

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;

export type ApiHandlerInput<C extends ApiRouteContract> = {
  userId: string;
  apiKeyId: string;
  params: Parsed<C["params"]>;
  query: Parsed<C["query"]>;
  body: Parsed<C["body"]>;
};

export type ApiHandlerResult<C extends ApiRouteContract> = C["response"] extends z.ZodType
  ? z.input<C["response"]>
  : void;
