// Every /api/v1 route contract, and the OpenAPI document built from them with the limits from settings.
import { env } from "~/env";
import { limitPolicies } from "~/server/rate-limit";
import { describeRate } from "~/server/rate-limit/rate-spec";
import type { ApiRouteContract } from "../api-contract";
import { buildOpenApiDocument, type LimitDoc } from "../openapi-document";
import { chipRoutes } from "./chip-routes";
import { messageRoutes } from "./message-routes";

export const v1Routes: readonly ApiRouteContract[] = [...chipRoutes, ...messageRoutes];

export function v1OpenApiDocument() {
  const limits = Object.fromEntries(
    Object.entries(limitPolicies).map(([name, p]): [string, LimitDoc] => [
      name,
      { per: p.per, rate: describeRate(p.rate), whenStoreDown: p.whenStoreDown },
    ]),
  );
  return buildOpenApiDocument(v1Routes, { serverUrl: env.NEXTAUTH_URL, limits });
}
