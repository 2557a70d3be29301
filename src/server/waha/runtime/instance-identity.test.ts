import { describe, expect, it } from "vitest";
import { instanceName, sessionsVolumeName, specFingerprint } from "./instance-identity";

describe("instance names", () => {
  const userId = "5b1f7c2e-8d3a-4c6b-9e0f-1a2b3c4d5e6f";

  it("follow waha_user_{userId} and waha_sessions_{userId}", () => {
    expect(instanceName(userId)).toBe(`waha_user_${userId}`);
    expect(sessionsVolumeName(userId)).toBe(`waha_sessions_${userId}`);
  });

  it.each(["../etc", "a b", "", "x;rm -rf /", "a".repeat(65)])("refuse the user id %j", (bad) => {
    expect(() => instanceName(bad)).toThrow(/Invalid user id/);
  });
});

describe("specFingerprint", () => {
  it("ignores key order and changes with any value", () => {
    const a = specFingerprint({ image: "waha", port: 3100, key: "secret" });
    expect(specFingerprint({ key: "secret", port: 3100, image: "waha" })).toBe(a);
    expect(specFingerprint({ image: "waha", port: 3101, key: "secret" })).not.toBe(a);
  });

  it("does not contain the secret it covers", () => {
    expect(specFingerprint({ key: "super-secret-value" })).not.toContain("super-secret");
  });
});
