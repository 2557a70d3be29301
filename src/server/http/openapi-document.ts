// Builds the OpenAPI 3.1 document from the route contracts: the very zod schemas the routes validate with.
import { z } from "zod";
import { apiKeyScopeDescriptions } from "~/server/api-keys/scopes";
import { appErrorCodes } from "~/server/errors";
import type { ApiRouteContract } from "./api-contract";

type JsonSchema = Record<string, unknown>;
export type LimitDoc = { per: string; rate: string; whenStoreDown: string };
export type OpenApiOptions = { serverUrl: string; limits: Record<string, LimitDoc> };

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" });
  return rest;
}

function parameters(schema: z.ZodObject | undefined, location: "path" | "query") {
  if (!schema) return [];
  const object = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === "path" || (object.required ?? []).includes(name),
    ...(typeof property.description === "string" ? { description: property.description } : {}),
    schema: property,
  }));
}

const errorResponses = {
  BadRequest: ["400", "The input failed validation or the body is not JSON."],
  Unauthorized: ["401", "The X-Api-Key header is missing, unknown or revoked."],
  Forbidden: ["403", "The key lacks the scope this route needs."],
  NotFound: ["404", "No such resource for this key's user."],
  Conflict: ["409", "The request conflicts with the resource's state."],
  RateLimited: ["429", "Over a rate limit: wait Retry-After seconds."],
  Internal: ["500", "Unexpected failure; nothing about it is revealed."],
  UpstreamUnavailable: ["502", "The WhatsApp engine (WAHA) did not answer."],
} as const;
const refByErrorCode = { NOT_FOUND: "NotFound", CONFLICT: "Conflict", UPSTREAM_UNAVAILABLE: "UpstreamUnavailable" } as const;
const ALWAYS = ["BadRequest", "Unauthorized", "Forbidden", "RateLimited", "Internal"] as const;

function describeOperation(route: ApiRouteContract, limits: Record<string, LimitDoc>): string {
  const lines = [route.description, `Requires an API key with the \`${route.scope}\` scope.`];
  for (const name of route.limits ?? []) {
    const limit = limits[name];
    if (limit) lines.push(`Rate limit: ${limit.rate} per ${limit.per}.`);
  }
  for (const name of route.domainLimits ?? []) {
    const limit = limits[name];
    if (limit) lines.push(`Rate limit: ${limit.rate} per ${limit.per}, shared with the dashboard; over it the answer is 429.`);
  }
  return lines.filter(Boolean).join("\n\n");
}

function operation(route: ApiRouteContract, limits: Record<string, LimitDoc>) {
  const status = String(route.response ? (route.successStatus ?? 200) : 204);
  const success = route.response
    ? { description: route.responseDescription, content: { "application/json": { schema: jsonSchema(route.response, "output") } } }
    : { description: route.responseDescription };
  const errors = [...ALWAYS, ...(route.errors ?? []).map((code) => refByErrorCode[code])];
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: describeOperation(route, limits),
    tags: [route.tag],
    security: [{ apiKey: [] }],
    parameters: [...parameters(route.params, "path"), ...parameters(route.query, "query")],
    ...(route.body
      ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(route.body, "input") } } } }
      : {}),
    responses: {
      [status]: success,
      ...Object.fromEntries(errors.map((ref) => [errorResponses[ref][0], { $ref: `#/components/responses/${ref}` }])),
    },
  };
}

export function buildOpenApiDocument(routes: readonly ApiRouteContract[], options: OpenApiOptions) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route, options.limits);
  const perKey = options.limits.apiPerKey;
  const scopes = Object.entries(apiKeyScopeDescriptions).map(([scope, text]) => `- \`${scope}\`: ${text}`);
  return {
    openapi: "3.1.0",
    info: {
      title: "whago API",
      version: "1.0.0",
      description: [
        "Manage WhatsApp chips from your own tools. Send your key in the `X-Api-Key` header; a key acts as the user",
        "who created it and sees only that user's chips.\n\nScopes:\n" + scopes.join("\n"),
        perKey ? `\n\nRate limit per key: ${perKey.rate} (see the \`X-RateLimit-*\` response headers).` : "",
        '\n\nErrors always look like `{ "error": { "code": "NOT_FOUND", "message": "…" } }`.',
      ].join(" "),
    },
    servers: [{ url: options.serverUrl }],
    security: [{ apiKey: [] }],
    paths,
    components: {
      securitySchemes: { apiKey: { type: "apiKey", in: "header", name: "X-Api-Key" } },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: { code: { type: "string", enum: [...appErrorCodes] }, message: { type: "string" } },
            },
          },
        },
      },
      responses: Object.fromEntries(
        Object.entries(errorResponses).map(([name, [, description]]) => [
          name,
          {
            description,
            ...(name === "RateLimited"
              ? { headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } } }
              : {}),
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
        ]),
      ),
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
