import { describe, expect, it } from "vitest";
import { fingerprintKey, fingerprintMetadata, pickFingerprint, type DeviceFingerprint } from "./fingerprint";

describe("pickFingerprint", () => {
  it("gives every chip of a user a different device", () => {
    const taken: DeviceFingerprint[] = [];
    for (let i = 0; i < 50; i++) taken.push(pickFingerprint(taken));
    expect(new Set(taken.map(fingerprintKey)).size).toBe(50);
  });

  it("keeps the device name and browser consistent with the model", () => {
    const fp = pickFingerprint([]);
    expect(fp.platform).toBe("Android");
    expect(fp.browserName).toBe("Chrome");
    expect(fp.deviceName.startsWith(fp.deviceManufacturer)).toBe(true);
    expect(fp.browserVersion).toMatch(/^\d{3}\.0\.\d{4}\.\d+$/);
  });

  it("refuses once every combination is taken", () => {
    const catalogue = {
      phones: [{ manufacturer: "Samsung", model: "SM-A155M", marketingName: "Galaxy A15", androidVersions: ["14"] }],
      chromeVersions: ["131.0.6778.200"],
    };
    const only = pickFingerprint([], catalogue);
    expect(() => pickFingerprint([only], catalogue)).toThrow("fingerprints_exhausted");
  });
});

describe("fingerprintMetadata", () => {
  it("flattens to string pairs under fp.*", () => {
    const meta = fingerprintMetadata(pickFingerprint([]));
    expect(Object.keys(meta).every((k) => k.startsWith("fp."))).toBe(true);
    expect(Object.values(meta).every((v) => typeof v === "string" && v.length > 0)).toBe(true);
    expect(meta).toHaveProperty("fp.device_model");
  });
});
