// The contract tests are only as good as this check: prove it rejects what it must (it reads the shared document).
import { describe, expect, it } from "vitest";
import { loadWahaOpenApi } from "./openapi-validator";

const openapi = loadWahaOpenApi();
const json = (body: unknown) => JSON.stringify(body);
const sessionInfo = { name: "chip_1", status: "WORKING", me: null, presence: "online", timestamps: { activity: 1 }, engine: { engine: "NOWEB" } };
const get = (pathname: string, body: string, status = 200, contentType: string | null = "application/json") =>
  openapi.check({ method: "GET", pathname, status, contentType, body });

describe("WAHA OpenAPI response check", () => {
  it("accepts a session as WAHA really sends it", () => {
    expect(get("/api/sessions/chip_1", json(sessionInfo))).toEqual({ operation: "GET /api/sessions/{session} 200", validated: true, problems: [] });
  });

  it("rejects a wrong status value, a missing required field and a wrong type", () => {
    expect(get("/api/sessions/chip_1", json({ ...sessionInfo, status: "SLEEPING" })).problems).toEqual([
      "/status must be equal to one of the allowed values",
    ]);
    const { timestamps: _timestamps, ...withoutTimestamps } = sessionInfo;
    expect(get("/api/sessions/chip_1", json(withoutTimestamps)).problems).toEqual(["(root) must have required property 'timestamps'"]);
    // `required: true` on a single property (a NestJS swagger habit) is enforced too.
    expect(get("/api/sessions/chip_1", json({ ...sessionInfo, timestamps: {} })).problems).toEqual([
      "/timestamps must have required property 'activity'",
    ]);
    expect(get("/api/sessions", json([{ ...sessionInfo, me: { id: 5, pushName: "x" } }])).problems).toContain("/0/me/id must be string");
  });

  it("rejects undocumented success statuses, content types and paths", () => {
    expect(openapi.check({ method: "POST", pathname: "/api/sessions", status: 200, contentType: "application/json", body: "{}" }).problems).toEqual([
      "status 200 is not documented (documented: 201)",
    ]);
    expect(get("/api/sessions/chip_1", "hello", 200, "text/plain").problems[0]).toMatch(/content type "text\/plain" is not documented/);
    expect(get("/api/nowhere/at/all", "{}").problems).toEqual(["no such operation in the OpenAPI document"]);
  });

  it("accepts an empty body only where WAHA's handler returns null", () => {
    expect(get("/api/sessions/chip_1/me", "", 200, null)).toMatchObject({ validated: true, problems: [] });
    expect(get("/api/sessions/chip_1", "", 200, null).problems).toHaveLength(1);
  });

  it("leaves undocumented error answers to the tests' exact-body assertions", () => {
    expect(get("/api/sessions/chip_1", json({ message: "Session not found" }), 404)).toMatchObject({ validated: false, problems: [] });
  });

  it("checks the QR answer against both documented JSON forms", () => {
    expect(get("/api/chip_1/auth/qr", json({ value: "2@x" })).problems).toEqual([]);
    expect(get("/api/chip_1/auth/qr", json({ mimetype: "image/png", data: "AAA" })).problems).toEqual([]);
    expect(get("/api/chip_1/auth/qr", json({ qr: "2@x" })).problems.length).toBeGreaterThan(0);
  });

  it("checks webhook bodies against the document's schema for their event", () => {
    const envelope = {
      id: "evt_01aaaaaaaaaaaaaaaaaaaaaaaa",
      timestamp: 1634567890123,
      session: "chip_1",
      me: null,
      engine: "NOWEB",
      event: "session.status",
      payload: { name: "chip_1", status: "SCAN_QR_CODE", statuses: [{ status: "SCAN_QR_CODE", timestamp: 1634567890123 }], data: null },
      environment: { version: "2026.7.1", engine: "NOWEB", tier: "PLUS", browser: null, platform: "linux/x64", worker: { id: null } },
    };
    expect(openapi.checkWebhook(json(envelope))).toEqual({ operation: "WEBHOOK session.status", validated: true, problems: [] });
    expect(openapi.checkWebhook(json({ ...envelope, payload: { ...envelope.payload, status: "SLEEPING" } })).problems).toEqual([
      "/payload/status must be equal to one of the allowed values",
    ]);
    expect(openapi.checkWebhook(json({ ...envelope, event: "chip.exploded" })).problems).toEqual(["no such webhook in the OpenAPI document"]);
  });

  it("fails clearly when the shared document is missing", () => {
    expect(() => loadWahaOpenApi({ path: "/nonexistent/openapi.json" })).toThrow(/WAHA's OpenAPI document is missing at \/nonexistent\/openapi.json/);
  });
});
