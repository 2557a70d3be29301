import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { hashApiKey, looksLikeApiKey } from "./key-material";
import type { ApiKeyScope } from "./scopes";

export type ApiKeyPrincipal = { apiKeyId: string; userId: string; scopes: ApiKeyScope[] };

// "Last used" is for humans: one write a minute per key is precise enough and spares a write per request.
const LAST_USED_RESOLUTION_MS = 60_000;

/** Resolves an `X-Api-Key` value to the user it acts as; UNAUTHORIZED for missing, unknown or revoked keys. */
export async function authenticateApiKey(rawKey: string | null | undefined): Promise<ApiKeyPrincipal> {
  if (!rawKey) throw new AppError("UNAUTHORIZED", "Missing X-Api-Key header.");
  const key = rawKey.trim();
  if (!looksLikeApiKey(key)) throw new AppError("UNAUTHORIZED", "Invalid API key.");
  const row = await db.apiKey.findUnique({
    where: { keyHash: hashApiKey(key) },
    select: { id: true, userId: true, scopes: true, revokedAt: true, lastUsedAt: true, user: { select: { status: true } } },
  });
  if (!row || row.user.status !== "ACTIVE") throw new AppError("UNAUTHORIZED", "Invalid API key.");
  if (row.revokedAt) throw new AppError("UNAUTHORIZED", "This API key has been revoked.");

  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { apiKeyId: row.id, userId: row.userId, scopes: row.scopes as ApiKeyScope[] };
}

export function requireScope(principal: ApiKeyPrincipal, scope: ApiKeyScope): void {
  if (!principal.scopes.includes(scope)) {
    throw new AppError("FORBIDDEN", `This API key lacks the "${scope}" scope.`);
  }
}
