import { describe, expect, it } from "vitest";
import { createWahaClient } from "./client";
import { createFakeFetch } from "./testing/fake-fetch";

const apiKey = "k".repeat(40);
const session = { name: "chip_1", status: "STOPPED", config: null, me: null, presence: null, timestamps: { activity: null } };

function clientAnswering(...answers: Parameters<typeof createFakeFetch>[0]) {
  const fake = createFakeFetch(answers);
  const client = createWahaClient({ baseUrl: "http://127.0.0.1:3999/", apiKey, fetch: fake.fetch, retry: { attempts: 3, delayMs: 0 } });
  return { client, calls: fake.calls };
}

describe("createWahaClient requests", () => {
  it("sends the key, JSON and an explicit start on create", async () => {
    const { client, calls } = clientAnswering({ status: 201, body: session });
    const config = { metadata: { "chip.id": "c-1" }, proxy: { server: "10.0.0.1:8080", username: "u", password: "p" } };
    await expect(client.createSession({ name: "chip_1", start: false, config })).resolves.toMatchObject({ name: "chip_1" });
    const [call] = calls;
    expect(call?.method).toBe("POST");
    expect(call?.url.href).toBe("http://127.0.0.1:3999/api/sessions");
    expect(call?.headers.get("x-api-key")).toBe(apiKey);
    expect(call?.headers.get("content-type")).toBe("application/json");
    expect(call?.body).toEqual({ name: "chip_1", start: false, config });
  });

  it("asks for every session only when told to", async () => {
    const { client, calls } = clientAnswering({ status: 200, body: [] }, { status: 200, body: [session] });
    await client.listSessions();
    await expect(client.listSessions({ all: true })).resolves.toHaveLength(1);
    expect(calls.map((c) => c.url.search)).toEqual(["?all=false", "?all=true"]);
  });

  it("encodes session names in paths", async () => {
    const { client, calls } = clientAnswering({ status: 200, body: session });
    await client.getSession("a/b");
    expect(calls[0]?.url.pathname).toBe("/api/sessions/a%2Fb");
  });

  it("requests the QR as JSON with Accept exactly application/json", async () => {
    const { client, calls } = clientAnswering(
      { status: 200, body: { mimetype: "image/png", data: "iVBORw0KGgo=" } },
      { status: 200, body: { value: "2@abc" } },
    );
    await expect(client.getQrImage("chip_1")).resolves.toEqual({ mimetype: "image/png", data: "iVBORw0KGgo=" });
    await expect(client.getQrRaw("chip_1")).resolves.toEqual({ value: "2@abc" });
    expect(calls[0]?.headers.get("accept")).toBe("application/json");
    expect(`${calls[0]?.url.pathname}${calls[0]?.url.search}`).toBe("/api/chip_1/auth/qr?format=image");
    expect(calls[1]?.url.search).toBe("?format=raw");
  });

  it("sends only the phone number for a pairing code", async () => {
    const { client, calls } = clientAnswering({ status: 201, body: { code: "ABCD-EFGH" } });
    await expect(client.requestPairingCode("chip_1", "5511999999999")).resolves.toEqual({ code: "ABCD-EFGH" });
    expect(calls[0]?.body).toEqual({ phoneNumber: "5511999999999" });
  });

  it("accepts WAHA's empty and null answers", async () => {
    const { client } = clientAnswering({ status: 200 }, { status: 201 }, { status: 200, body: "null" });
    await expect(client.deleteSession("chip_1")).resolves.toBeUndefined();
    await expect(client.stopSession("unknown")).resolves.toBeNull();
    await expect(client.getMe("chip_1")).resolves.toBeNull();
  });

  it("turns each engine's sendText answer into the serialized message id", async () => {
    const { client } = clientAnswering(
      { status: 201, body: { id: "true_1@c.us_AAA", _data: {} } },
      { status: 201, body: { id: { _serialized: "true_1@c.us_BBB" }, body: "hi" } },
      { status: 201, body: { key: { id: "CCC", remoteJid: "1@s.whatsapp.net" }, status: "PENDING" } },
    );
    const send = () => client.sendText({ session: "chip_1", chatId: "1", text: "hi" });
    expect([await send(), await send(), await send()]).toEqual([
      { id: "true_1@c.us_AAA" },
      { id: "true_1@c.us_BBB" },
      { id: "true_1@c.us_CCC" },
    ]);
  });

  it("treats a 503 from /health as an answer", async () => {
    const { client, calls } = clientAnswering({ status: 503, body: { status: "error", info: {}, error: { disk: { status: "down" } }, details: {} } });
    await expect(client.health()).resolves.toMatchObject({ status: "error" });
    expect(calls).toHaveLength(1);
  });

  it("rejects an answer that does not match the schema", async () => {
    const { client } = clientAnswering({ status: 200, body: { name: "chip_1", status: "SLEEPING" } });
    await expect(client.getSession("chip_1")).rejects.toMatchObject({ kind: "invalid_response", code: "UPSTREAM_UNAVAILABLE" });
  });
});
