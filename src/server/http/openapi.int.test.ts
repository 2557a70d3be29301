// The OpenAPI document: valid 3.1, in step with the route files, and every listed operation answers as documented.
import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import type { HttpMethod } from "./api-contract";
import { callApi, folderOf, insertChip, loadRoute, newUserWithKey, routeFolders } from "./testing/api-fixtures";
import { v1OpenApiDocument } from "./v1";
import { sendMessageRoute } from "./v1/message-routes";

type Operation = { parameters: { name: string; in: string }[]; requestBody?: unknown; responses: Record<string, unknown> };
const document = v1OpenApiDocument();
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase() as HttpMethod, op: op as Operation })),
);
// Not API operations: the document itself, and the JSON 404 for unknown paths.
const UNDOCUMENTED = new Set(["/api/v1/openapi.json", "/api/v1/[...unmatched]"]);

describe("OpenAPI document", () => {
  it("passes the OpenAPI 3.1 schema validator", async () => {
    const validated = await SwaggerParser.validate(structuredClone(document) as never);
    expect((validated as { openapi?: string }).openapi).toBe("3.1.0");
  });

  it("lists exactly the operations the route files export", async () => {
    const exported = [];
    for (const folder of routeFolders().filter((f) => !UNDOCUMENTED.has(f))) {
      const routeModule = await loadRoute(folder);
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"] as const) {
        if (routeModule[method]) exported.push(`${method} ${folder}`);
      }
    }
    const documented = operations.map(({ method, path }) => `${method} ${folderOf(path)}`);
    expect(documented.sort()).toEqual(exported.sort());
    expect(documented).toContain("GET /api/v1/chips/[id]/qr");
  });

  it("is served at /api/v1/openapi.json without a key", async () => {
    const res = await callApi("GET", "/api/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it("documents the per-chip send pace and its 429 on the send route, without the wrapper counting it", () => {
    const send = document.paths["/api/v1/chips/{id}/messages"]?.post as { description: string; responses: Record<string, unknown> };
    expect(send.description).toContain("RATE_LIMIT_MESSAGE_SEND_PER_CHIP");
    expect(send.description).toMatch(/Rate limit: \d+ per .+ per chip, shared with the dashboard; over it the answer is 429\./);
    expect(send.responses).toHaveProperty("429");
    expect(sendMessageRoute).not.toHaveProperty("limits");
  });

  it("answers unknown /api/v1 paths in the error shape", async () => {
    const res = await callApi("GET", "/api/v1/[...unmatched]");
    expect(res).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND", message: expect.any(String) } } });
  });
});

describe("every documented operation", () => {
  // Bodies valid for each write route; POST /chips gets an empty label so this test starts no WAHA session.
  const bodies: Record<string, unknown> = {
    "POST /api/v1/chips": { label: "" },
    "POST /api/v1/chips/{id}/messages": { chatId: "5511999998888", text: "hello" },
  };

  it.each(operations)("$method $path answers with a documented status and shape", async ({ method, path, op }) => {
    const { userId, key } = await newUserWithKey();
    const chipId = await insertChip(userId);
    const res = await callApi(method, path, {
      key,
      params: op.parameters.some((p) => p.in === "path") ? { id: chipId } : {},
      body: op.requestBody ? bodies[`${method} ${path}`] : undefined,
    });
    expect(Object.keys(op.responses), `status ${res.status}`).toContain(String(res.status));
    if (res.status >= 400) expect(res.body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
    else if (res.status !== 204) expect(res.body).toBeTypeOf("object");
  });
});
