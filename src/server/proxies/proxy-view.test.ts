import { describe, expect, it } from "vitest";
import type { ProxyAssignment } from "~/generated/prisma/client";
import { needsRotation } from "./health-rules";
import { maskUsername, toProxyView } from "./proxy-view";

const row: ProxyAssignment = {
  id: "a1",
  userId: "u1",
  chipId: "c1",
  kind: "GATEWAY",
  host: "gw.example.com",
  port: 823,
  username: "acme-account_session-ab12cd34ef56",
  passwordEncrypted: "v1.sealed.secret.bytes",
  sessionId: "ab12cd34ef56",
  country: "br",
  health: "UNHEALTHY",
  healthReason: "proxy_refused",
  consecutiveFailures: 3,
  latencyMs: null,
  exitSeen: "203.0.113.9",
  lastCheckedAt: new Date(0),
  assignedAt: new Date(0),
  releasedAt: null,
};

describe("toProxyView", () => {
  it("carries no password, no sealed password and no full username", () => {
    const view = toProxyView(row);
    const text = JSON.stringify(view);
    expect(text).not.toContain(row.passwordEncrypted);
    expect(text).not.toContain("acme-account");
    expect(Object.keys(view)).not.toContain("passwordEncrypted");
    expect(view).toMatchObject({ server: "gw.example.com:823", health: "UNHEALTHY", exitSeen: "203.0.113.9" });
  });

  it("brackets an IPv6 server", () => {
    expect(toProxyView({ ...row, host: "::1" }).server).toBe("[::1]:823");
  });
});

describe("maskUsername", () => {
  it("keeps only the ends of long names and hides short ones entirely", () => {
    expect(maskUsername("acme-account_session-ab12cd34ef56")).toBe("ac***ef56");
    expect(maskUsername("shorty")).toBe("***");
  });
});

describe("needsRotation", () => {
  it("rotates an assigned exit that reached the threshold", () => {
    expect(needsRotation(row, 3)).toBe(true);
  });

  it("leaves exits below the threshold, released ones, and rejected credentials alone", () => {
    expect(needsRotation({ ...row, consecutiveFailures: 2 }, 3)).toBe(false);
    expect(needsRotation({ ...row, chipId: null }, 3)).toBe(false);
    expect(needsRotation({ ...row, healthReason: "proxy_auth_failed" }, 3)).toBe(false);
    expect(needsRotation({ ...row, health: "HEALTHY" }, 3)).toBe(false);
  });
});
