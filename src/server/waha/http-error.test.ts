import { describe, expect, it } from "vitest";
import { errorFromResponse } from "./http-error";

const create = { method: "POST", path: "/api/sessions" };
const json = (body: unknown) => JSON.stringify(body);

describe("errorFromResponse", () => {
  it("maps a duplicate name to already_exists / CONFLICT", () => {
    const body = { message: "Session 'chip_1' already exists. Use PUT to update it.", error: "Unprocessable Entity", statusCode: 422 };
    const err = errorFromResponse(create, 422, json(body));
    expect(err).toMatchObject({ kind: "already_exists", code: "CONFLICT", status: 422, body });
    expect(err.message).toBe("[WAHA] POST /api/sessions 422: Session 'chip_1' already exists. Use PUT to update it.");
  });

  it("keeps WAHA's validation messages", () => {
    const messages = ["config.proxy.server must be a string", "config.webhooks.0.url must be a URL address"];
    const err = errorFromResponse(create, 400, json({ message: messages, error: "Bad Request", statusCode: 400 }));
    expect(err).toMatchObject({ kind: "invalid_input", code: "BAD_REQUEST", messages });
    expect(err.message).toBe(`[WAHA] POST /api/sessions 400: ${messages.join("; ")}`);
  });

  it("maps 404 to not_found", () => {
    const err = errorFromResponse({ method: "GET", path: "/api/sessions/x" }, 404, json({ message: "Session not found", error: "Not Found", statusCode: 404 }));
    expect(err).toMatchObject({ kind: "not_found", code: "NOT_FOUND", retryable: false });
  });

  it("treats 401 and 403 as whago's own misconfiguration", () => {
    for (const status of [401, 403]) {
      const err = errorFromResponse(create, status, json({ message: status === 401 ? "Unauthorized" : "Forbidden", statusCode: status }));
      expect(err).toMatchObject({ kind: "unauthorized", code: "UPSTREAM_UNAVAILABLE" });
    }
  });

  it("keeps the current status of a status-mismatch 422", () => {
    const body = { error: "Session status is not as expected. Try again later or restart the session", session: "s", status: "WORKING", expected: ["SCAN_QR_CODE"] };
    const err = errorFromResponse({ method: "GET", path: "/api/s/auth/qr" }, 422, json(body));
    expect(err).toMatchObject({ kind: "unprocessable", code: "CONFLICT", body });
    expect(err.message).toBe(`[WAHA] GET /api/s/auth/qr 422: ${body.error}`);
  });

  it("drops 5xx bodies, which echo the request and its credentials", () => {
    const body = { statusCode: 500, exception: { message: "async-lock timed out" }, request: { body: { config: { proxy: { password: "hunter2" } } } } };
    const err = errorFromResponse(create, 500, json(body));
    expect(err).toMatchObject({ kind: "unavailable", retryable: true, body: undefined });
    expect(err.message).toBe("[WAHA] POST /api/sessions 500");
  });

  it("does not retry 501 (engine lacks the method)", () => {
    expect(errorFromResponse(create, 501, "The method is not implemented")).toMatchObject({ kind: "unavailable", retryable: false });
  });
});
