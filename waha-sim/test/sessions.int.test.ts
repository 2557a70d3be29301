import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY, startTestSimulator, type TestSimulator } from "./support/sim";
import { waitFor } from "./support/wait";

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.stop());

const statusOf = async (name: string) => (await sim.json("GET", `/api/sessions/${name}`)).body.status as string;

describe("auth", () => {
  it("answers /ping without a key and 401s /api, /health and /_sim without the right one", async () => {
    expect(await (await fetch(`${sim.url}/ping`)).json()).toEqual({ message: "pong" });
    for (const p of ["/api/sessions", "/health", "/_sim/webhooks/deliveries"]) {
      const response = await fetch(`${sim.url}${p}`, { headers: { "X-Api-Key": "wrong" } });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: "Unauthorized", statusCode: 401 });
    }
    expect((await fetch(`${sim.url}/api/sessions?x-api-key=${API_KEY}`)).status).toBe(200);
  });

  it("accepts the sha512: form of the key", async () => {
    const hashed = await startTestSimulator({
      apiKey: "sha512:98b6d128682e280b74b324ca82a6bae6e8a3f7174e0605bfd52eb9948fad8984854ec08f7652f32055c4a9f12b69add4850481d9503a7f2225501671d6124648"
    });
    try {
      // That hash is of 32 zeros, an insecure key WAHA replaces; a strong key's hash must work instead.
      expect((await fetch(`${hashed.url}/api/sessions`, { headers: { "X-Api-Key": "0".repeat(32) } })).status).toBe(401);
    } finally {
      await hashed.stop();
    }
    const { createHash } = await import("node:crypto");
    const strong = await startTestSimulator({ apiKey: `sha512:${createHash("sha512").update("a-strong-key-1234").digest("hex")}` });
    try {
      expect((await fetch(`${strong.url}/api/sessions`, { headers: { "X-Api-Key": "a-strong-key-1234" } })).status).toBe(200);
      expect((await fetch(`${strong.url}/api/sessions`, { headers: { "X-Api-Key": "a-strong-key-12345" } })).status).toBe(401);
    } finally {
      await strong.stop();
    }
  });
});

describe("session CRUD", () => {
  it("creates STOPPED when start is omitted, 422s a duplicate and lists STOPPED only with all=true", async () => {
    const created = await sim.json("POST", "/api/sessions", { name: "crud_a", config: { metadata: { "chip.id": "c1" }, engine: "GOWS" } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      name: "crud_a",
      status: "STOPPED",
      config: { metadata: { "chip.id": "c1" } },
      me: null,
      presence: null,
      timestamps: { activity: null },
      engine: { engine: "NOWEB" },
    });
    const duplicate = await sim.json("POST", "/api/sessions", { name: "crud_a" });
    expect(duplicate).toEqual({
      status: 422,
      body: { message: "Session 'crud_a' already exists. Use PUT to update it.", error: "Unprocessable Entity", statusCode: 422 },
    });
    const names = async (q: string) => (await sim.json("GET", `/api/sessions${q}`)).body.map((s: { name: string }) => s.name);
    expect(await names("")).not.toContain("crud_a");
    expect(await names("?all=true")).toContain("crud_a");
  });

  it("generates a session_<ulid> name and rejects bad names with WAHA's 400", async () => {
    const created = await sim.json("POST", "/api/sessions", { start: false });
    expect(created.body.name).toMatch(/^session_[0-9a-z]{26}$/);
    const bad = await sim.json("POST", "/api/sessions", { name: "x".repeat(55), config: { metadata: { n: 1 } } });
    expect(bad).toEqual({
      status: 400,
      body: {
        message: ["name must be shorter than or equal to 54 characters", "config.metadata accepts string key-value pairs only"],
        error: "Bad Request",
        statusCode: 400,
      },
    });
  });

  it("404s unknown sessions, deletes idempotently and stops unknown names without error", async () => {
    const notFound = { message: "Session not found", error: "Not Found", statusCode: 404 };
    expect(await sim.json("GET", "/api/sessions/nope")).toEqual({ status: 404, body: notFound });
    expect(await sim.json("POST", "/api/sessions/nope/start")).toEqual({ status: 404, body: notFound });
    expect(await sim.json("PUT", "/api/sessions/nope", { config: {} })).toEqual({ status: 404, body: notFound });
    expect(await sim.json("POST", "/api/sessions/nope/stop")).toEqual({ status: 201, body: undefined });
    await sim.json("POST", "/api/sessions", { name: "crud_del" });
    for (let i = 0; i < 2; i++) {
      const response = await sim.api("DELETE", "/api/sessions/crud_del");
      expect(response.status).toBe(200);
      expect(await response.text()).toBe("");
    }
    expect((await sim.json("GET", "/api/sessions/crud_del")).status).toBe(404);
  });

  it("answers /me with 404 when not running and the MeInfo once paired", async () => {
    const me404 = await sim.json("GET", "/api/sessions/crud_a/me");
    expect(me404.status).toBe(404);
    expect(me404.body.message).toBe("We didn't find a session with name 'crud_a'.\nPlease start it first by using POST /api/sessions/crud_a/start request");
    await sim.json("POST", "/api/sessions/crud_a/start");
    await waitFor(async () => (await statusOf("crud_a")) === "SCAN_QR_CODE", "QR");
    expect(await (await sim.api("GET", "/api/sessions/crud_a/me")).text()).toBe("");
    await sim.json("POST", "/_sim/sessions/crud_a/pair", { phone: "5511999990042", pushName: "Ana" });
    expect((await sim.json("GET", "/api/sessions/crud_a/me")).body).toMatchObject({ id: "5511999990042@c.us", pushName: "Ana" });
  });

  it("PUT restarts a running paired session back to WORKING without a QR, and logout asks for a new QR", async () => {
    const updated = await sim.json("PUT", "/api/sessions/crud_a", { name: "ignored", config: { metadata: { "chip.id": "c2" } } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: "crud_a", status: "STARTING", config: { metadata: { "chip.id": "c2" } } });
    await waitFor(async () => (await statusOf("crud_a")) === "WORKING", "WORKING after PUT");
    const state = (await sim.json("GET", "/_sim/sessions/crud_a")).body;
    expect(state.statuses.map((s: { status: string }) => s.status)).toEqual(["STOPPED", "STARTING", "WORKING"]);

    expect((await sim.json("POST", "/api/sessions/crud_a/logout")).status).toBe(201);
    await waitFor(async () => (await statusOf("crud_a")) === "SCAN_QR_CODE", "QR after logout");
    expect((await sim.json("GET", "/api/sessions/crud_a")).body).toMatchObject({ me: null, config: { metadata: { "chip.id": "c2" } } });
    expect((await sim.json("POST", "/api/sessions/crud_a/stop")).body.status).toBe("STOPPED");
  });
});
