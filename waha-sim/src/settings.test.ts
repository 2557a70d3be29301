import { describe, expect, it } from "vitest";
import { resolveApiKey, resolveEngine, settingsFromEnv } from "./settings";
import { QR_LIFETIMES_MS, qrLifetimeMs } from "./sessions/timings";

describe("resolveApiKey", () => {
  it("keeps a strong plain key and parses the sha512: form", () => {
    expect(resolveApiKey({ WAHA_API_KEY: "a-long-random-key" })).toEqual({ apiKey: { kind: "plain", value: "a-long-random-key" }, apiKeyWasGenerated: false });
    expect(resolveApiKey({ WAHA_API_KEY: "sha512:ABCDEF" }).apiKey).toEqual({ kind: "sha512", hex: "abcdef" });
  });

  it("replaces unset and insecure keys (incl. the sha512 of 32 zeros) with a random one", () => {
    const vector = "sha512:98b6d128682e280b74b324ca82a6bae6e8a3f7174e0605bfd52eb9948fad8984854ec08f7652f32055c4a9f12b69add4850481d9503a7f2225501671d6124648";
    for (const key of [undefined, "", "admin", "waha", "0".repeat(32), vector]) {
      const result = resolveApiKey({ WAHA_API_KEY: key });
      expect(result.apiKeyWasGenerated).toBe(true);
      expect(result.apiKey).toMatchObject({ kind: "plain" });
    }
  });

  it("lets WHATSAPP_API_KEY override and WAHA_NO_API_KEY disable auth", () => {
    expect(resolveApiKey({ WAHA_API_KEY: "first-key-123", WHATSAPP_API_KEY: "legacy-key-456" }).apiKey).toEqual({ kind: "plain", value: "legacy-key-456" });
    expect(resolveApiKey({ WAHA_NO_API_KEY: "true" }).apiKey).toBeNull();
  });
});

describe("settings", () => {
  it("uses WAHA's defaults", () => {
    const settings = settingsFromEnv({}, "/srv");
    expect(settings).toMatchObject({ port: 3000, hostname: "0.0.0.0", engine: "NOWEB", timeScale: 1, dataDir: "/srv/.sessions", startOnCreateDefault: false });
    expect(resolveEngine("gows")).toBe("GOWS");
    expect(resolveEngine("other")).toBe("WEBJS");
  });

  it("parses the global webhook env", () => {
    const settings = settingsFromEnv({ WHATSAPP_HOOK_URL: "http://h/x", WHATSAPP_HOOK_EVENTS: "message, session.status", WHATSAPP_HOOK_CUSTOM_HEADERS: "A:1;B:x:y" });
    expect(settings.globalWebhook).toMatchObject({ events: ["message", "session.status"], customHeaders: [{ name: "A", value: "1" }, { name: "B", value: "x:y" }] });
  });

  it("schedules 6 QR codes: 60 s then 20 s each", () => {
    expect(QR_LIFETIMES_MS.reduce((a, b) => a + b, 0)).toBe(160_000);
    expect([1, 2, 6, 7].map(qrLifetimeMs)).toEqual([60_000, 20_000, 20_000, null]);
  });
});
