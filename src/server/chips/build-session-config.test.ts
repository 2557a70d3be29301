import { describe, expect, it } from "vitest";
import { pickFingerprint } from "./fingerprint";
import { buildSessionConfig, sessionNameFor, webhookUrlFor } from "./build-session-config";

const fingerprint = pickFingerprint([]);
const base = {
  userId: "u-1",
  chipId: "c-1",
  fingerprint,
  webhookUrl: webhookUrlFor("http://127.0.0.1:3000/", "inst-1"),
  webhookSecret: "s3cret",
  proxy: null,
};

describe("buildSessionConfig", () => {
  it("carries tenant ids and the fingerprint as string metadata", () => {
    const config = buildSessionConfig(base);
    expect(config.metadata).toMatchObject({
      "whago.user_id": "u-1",
      "whago.chip_id": "c-1",
      "fp.device_model": fingerprint.deviceModel,
    });
    expect(Object.values(config.metadata ?? {}).every((v) => typeof v === "string")).toBe(true);
    expect(config.client).toEqual({ deviceName: fingerprint.deviceName, browserName: "Chrome" });
  });

  it("signs the webhook to this instance's route with the events whago applies", () => {
    const [hook] = buildSessionConfig(base).webhooks ?? [];
    expect(hook?.url).toBe("http://127.0.0.1:3000/api/webhooks/waha/inst-1");
    expect(hook?.hmac?.key).toBe("s3cret");
    expect(hook?.events).toEqual(expect.arrayContaining(["session.status", "message", "message.ack"]));
  });

  it("sends the proxy only when the chip has one", () => {
    expect(buildSessionConfig(base).proxy).toBeNull();
    const proxy = { server: "gw.example:7000", username: "u", password: "p" };
    expect(buildSessionConfig({ ...base, proxy }).proxy).toEqual({ server: "gw.example:7000", username: "u", password: "p" });
  });
});

describe("sessionNameFor", () => {
  it("fits WAHA's session name rules", () => {
    const name = sessionNameFor("0b7f3a52-5d0e-4d8e-9a51-3c1f0e6b8a10");
    expect(name).toMatch(/^[a-zA-Z0-9_-]{1,54}$/);
  });
});
