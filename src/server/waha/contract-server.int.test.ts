import { describe, expect, it } from "vitest";
import { contractSimulatorForFile } from "./testing/contract-suite";

const sim = contractSimulatorForFile();

describe("[WAHA contract] server endpoints", () => {
  it("answers /ping without a key", async () => {
    await expect(sim().clientWithKey("").ping()).resolves.toEqual({ message: "pong" });
  });

  it("reports its version and environment", async () => {
    expect(await sim().client.getServerVersion()).toMatchObject({
      version: expect.stringMatching(/^\d{4}\.\d+\.\d+$/),
      engine: expect.any(String),
      tier: expect.any(String),
      platform: expect.any(String),
    });
  });

  it("reports health with a key, and refuses it without one", async () => {
    expect(await sim().client.health()).toMatchObject({ status: "ok" });
    await expect(sim().clientWithKey("not-the-key-0123456789abcdef").health()).rejects.toMatchObject({ kind: "unauthorized", status: 401 });
  });
});
