// Integration-test helpers for the REST API: users, keys, chips inserted directly, and calls to the real route
// handlers in-process (no server, no WAHA).
import { randomUUID } from "node:crypto";
import { createAccount } from "~/server/accounts/create-account";
import { createApiKey, type ApiKeyScope } from "~/server/api-keys";
import { db } from "~/server/db";
import type { HttpMethod } from "../api-contract";

type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<HttpMethod, RouteHandler>>;

// Every route file under /api/v1, keyed by its folder path ("/api/v1/chips/[id]").
const routeModules = import.meta.glob<RouteModule>("/src/app/api/v1/**/route.ts");

export function routeFolders(): string[] {
  return Object.keys(routeModules).map((file) => file.replace(/^\/src\/app/, "").replace(/\/route\.ts$/, ""));
}

/** "/api/v1/chips/{id}" → "/api/v1/chips/[id]". */
export const folderOf = (openApiPath: string) => openApiPath.replace(/\{(\w+)\}/g, "[$1]");

export async function loadRoute(folder: string): Promise<RouteModule> {
  const load = routeModules[`/src/app${folder}/route.ts`];
  if (!load) throw new Error(`no route file for ${folder}`);
  return load();
}

export type CallOptions = { key?: string; params?: Record<string, string>; body?: unknown; query?: string };

export async function callApi(method: HttpMethod, openApiPath: string, options: CallOptions = {}) {
  const handler = (await loadRoute(folderOf(openApiPath)))[method];
  if (!handler) throw new Error(`${method} ${openApiPath} is not exported`);
  let path = openApiPath;
  for (const [name, value] of Object.entries(options.params ?? {})) path = path.replace(`{${name}}`, value);
  const headers = new Headers(options.key ? { "X-Api-Key": options.key } : {});
  if (options.body !== undefined) headers.set("Content-Type", "application/json");
  const req = new Request(`http://localhost${path}${options.query ?? ""}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const res = await handler(req, { params: Promise.resolve(options.params ?? {}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}

export async function newUserWithKey(scopes: ApiKeyScope[] = ["read", "send", "manage"]) {
  const user = await createAccount({
    name: "API tester",
    email: `api.${randomUUID()}@example.com`,
    password: `pw-${randomUUID()}`,
  });
  const { key, apiKey } = await createApiKey({ userId: user.id, name: "test", scopes });
  return { userId: user.id, key, apiKeyId: apiKey.id };
}

/** A chip row waiting for its QR scan, without a WAHA session behind it. */
export async function insertChip(userId: string) {
  const id = randomUUID();
  await db.chip.create({
    data: { id, userId, label: "Test chip", sessionName: `chip_${id}`, status: "SCAN_QR_CODE", fingerprint: {} },
  });
  return id;
}
