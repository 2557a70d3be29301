// Creating, listing and revoking a user's API keys. Ownership is in every query.
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { generateApiKey } from "./key-material";
import type { ApiKeyScope } from "./scopes";

export type ApiKeyView = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const viewSelect = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

const toView = (row: Omit<ApiKeyView, "scopes"> & { scopes: string[] }): ApiKeyView => ({
  ...row,
  scopes: row.scopes as ApiKeyScope[],
});

export type CreateApiKeyOptions = { userId: string; name: string; scopes: ApiKeyScope[] };

/** Returns the full key once; only its hash is kept. */
export async function createApiKey({ userId, name, scopes }: CreateApiKeyOptions) {
  const { key, prefix, keyHash } = generateApiKey();
  const row = await db.apiKey.create({
    data: { userId, name: name.trim(), prefix, keyHash, scopes: [...new Set(scopes)] },
    select: viewSelect,
  });
  await db.auditLog.create({ data: { userId, action: "api_key.created", target: row.id } });
  return { key, apiKey: toView(row) };
}

export async function listApiKeys({ userId }: { userId: string }): Promise<ApiKeyView[]> {
  const rows = await db.apiKey.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, select: viewSelect });
  return rows.map(toView);
}

export async function revokeApiKey({ userId, apiKeyId }: { userId: string; apiKeyId: string }) {
  const { count } = await db.apiKey.updateMany({
    where: { id: apiKeyId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "api_key_not_found");
  await db.auditLog.create({ data: { userId, action: "api_key.revoked", target: apiKeyId } });
}
