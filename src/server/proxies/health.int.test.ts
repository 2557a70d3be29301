import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "~/server/db";
import { assignProxy } from "./assign-proxy";
import { checkChipProxy, checkProxy } from "./check-proxy";
import { checkAllProxies, startProxyHealthLoop } from "./health-loop";
import type { ProxySettings } from "./proxy-settings";
import { toProxyView } from "./proxy-view";
import { eventually } from "~/test/eventually";
import { createChips, createUser, testSettings } from "./testing/fixtures";
import { type LocalProxy, startLocalProxy } from "./testing/local-proxy";
import { type ProbeTarget, startProbeTarget } from "./testing/probe-target";

const GATEWAY_USER = "acme-account";
const GATEWAY_PASSWORD = "gw-Secret-4471";
const FIXED_PASSWORDS = ["fx-Secret-A-8812", "fx-Secret-B-2290"];
let gateway: LocalProxy;
let probe: ProbeTarget;
let settings: ProxySettings;

/** Everything written to the console during a test, to prove no credential ever reaches a log line. */
const logged: string[] = [];
beforeEach(() => {
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  probe.setMode("echo-address");
});

beforeAll(async () => {
  gateway = await startLocalProxy({ username: GATEWAY_USER, password: GATEWAY_PASSWORD });
  probe = await startProbeTarget();
  settings = testSettings({
    gateway: { host: gateway.host, port: gateway.port, username: GATEWAY_USER, password: GATEWAY_PASSWORD, country: null },
    checkTarget: probe.target,
    checkIntervalMs: 200,
    failureThreshold: 3,
  });
});
afterAll(async () => {
  await gateway.stop();
  await probe.stop();
});

/** One user's chip on the given settings; other tests' exits are released so passes only see this one. */
async function chipWithExit(using: ProxySettings = settings) {
  await db.proxyAssignment.updateMany({ where: { releasedAt: null }, data: { chipId: null, releasedAt: new Date() } });
  const userId = await createUser();
  const [chipId] = await createChips(userId, 1);
  const assignment = (await assignProxy({ userId, chipId: chipId!, settings: using }))!;
  return { userId, chipId: chipId!, assignment };
}

describe("checkProxy", () => {
  it("records success, latency and the exit the target saw", async () => {
    const { assignment } = await chipWithExit();
    const { assignment: after, result } = await checkProxy({ assignmentId: assignment.id, settings });
    expect(result.ok).toBe(true);
    expect(after).toMatchObject({ health: "HEALTHY", healthReason: null, consecutiveFailures: 0, exitSeen: "127.0.0.1" });
    expect(after.latencyMs).toEqual(expect.any(Number));
    expect(after.lastCheckedAt).toBeInstanceOf(Date);
    expect(probe.requests()).toBeGreaterThan(0);
  });

  it("marks wrong credentials unhealthy at once, with a clear reason, and does not rotate", async () => {
    const wrong = { ...settings, gateway: { ...settings.gateway!, password: "not-the-password" } };
    const { assignment: bad } = await chipWithExit(wrong);
    const { assignment: after, result } = await checkProxy({ assignmentId: bad.id, settings });
    expect(result).toEqual({ ok: false, reason: "proxy_auth_failed" });
    expect(after).toMatchObject({ health: "UNHEALTHY", healthReason: "proxy_auth_failed", consecutiveFailures: 1 });

    const rotate = vi.fn(async () => undefined);
    const summary = await checkAllProxies({ settings, rotate, confirmDelayMs: 0 });
    expect(summary).toMatchObject({ checked: 1, unhealthy: 1, rotated: 0 });
    expect(rotate).not.toHaveBeenCalled();
  });

  it("names refused, timed-out and bad-status probes", async () => {
    const { assignment } = await chipWithExit();
    probe.setMode("error-500");
    expect((await checkProxy({ assignmentId: assignment.id, settings })).result).toEqual({ ok: false, reason: "probe_status:500" });
    probe.setMode("silent");
    expect((await checkProxy({ assignmentId: assignment.id, settings, timeoutMs: 300 })).result).toEqual({
      ok: false,
      reason: "proxy_timeout",
    });
    const stopped = await startLocalProxy({ username: "x", password: "y" });
    await stopped.stop();
    await db.proxyAssignment.update({ where: { id: assignment.id }, data: { port: stopped.port } });
    const { assignment: after, result } = await checkProxy({ assignmentId: assignment.id, settings });
    expect(result).toEqual({ ok: false, reason: "proxy_refused" });
    // Three failures in a row: the threshold.
    expect(after).toMatchObject({ health: "UNHEALTHY", consecutiveFailures: 3, healthReason: "proxy_refused" });
  });

  it("lets a user check only their own chip's exit, and answers with a safe view", async () => {
    const { userId, chipId } = await chipWithExit();
    const view = await checkChipProxy({ userId, chipId, settings });
    expect(view.health).toBe("HEALTHY");
    const text = JSON.stringify(view);
    expect(text).not.toContain(GATEWAY_PASSWORD);
    expect(text).not.toContain("_session-");
    const stranger = await createUser();
    await expect(checkChipProxy({ userId: stranger, chipId, settings })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("failure detection and rotation", () => {
  it("detects a stopped proxy in one pass (threshold failures) and rotates the chip to a working exit", async () => {
    const fixedA = await startLocalProxy({ username: "fx-a", password: FIXED_PASSWORDS[0]! });
    const fixedB = await startLocalProxy({ username: "fx-b", password: FIXED_PASSWORDS[1]! });
    const fixed = [
      { host: fixedA.host, port: fixedA.port, username: "fx-a", password: FIXED_PASSWORDS[0]! },
      { host: fixedB.host, port: fixedB.port, username: "fx-b", password: FIXED_PASSWORDS[1]! },
    ];
    const pool = { ...settings, gateway: null, fixed };
    try {
      const { userId, chipId, assignment } = await chipWithExit(pool);
      expect(assignment.port).toBe(fixedA.port);
      expect(await checkAllProxies({ settings: pool })).toMatchObject({ checked: 1, healthy: 1 });

      await fixedA.stop();
      const rotated: { userId: string; chipId: string }[] = [];
      const summary = await checkAllProxies({
        settings: pool,
        confirmDelayMs: 0,
        rotate: async (args) => {
          rotated.push(args);
          const { rotateProxy } = await import("./assign-proxy");
          return rotateProxy({ ...args, settings: pool });
        },
      });
      expect(summary).toMatchObject({ checked: 1, unhealthy: 1, rotated: 1 });
      expect(rotated).toEqual([{ userId, chipId }]);
      const old = await db.proxyAssignment.findUniqueOrThrow({ where: { id: assignment.id } });
      expect(old).toMatchObject({ health: "UNHEALTHY", consecutiveFailures: 3, healthReason: "proxy_refused", chipId: null });

      const current = await db.proxyAssignment.findUniqueOrThrow({ where: { chipId } });
      expect(current.port).toBe(fixedB.port);
      const { result } = await checkProxy({ assignmentId: current.id, settings: pool });
      expect(result.ok).toBe(true);
    } finally {
      await fixedB.stop();
    }
  });

  it("runs on its interval: a gateway that goes down is marked unhealthy and the chip rotated", async () => {
    const { chipId, assignment } = await chipWithExit();
    const rotate = vi.fn(async () => undefined);
    const port = gateway.port;
    await gateway.stop();
    const loop = startProxyHealthLoop({ settings, rotate });
    try {
      await eventually(async () => rotate.mock.calls.length > 0, "the loop to rotate the chip");
    } finally {
      loop.stop();
      gateway = await startLocalProxy({ username: GATEWAY_USER, password: GATEWAY_PASSWORD, port });
    }
    expect(rotate).toHaveBeenCalledWith({ userId: assignment.userId, chipId });
    const row = await db.proxyAssignment.findUniqueOrThrow({ where: { id: assignment.id } });
    expect(row).toMatchObject({ health: "UNHEALTHY", healthReason: "proxy_refused" });
    expect(row.consecutiveFailures).toBeGreaterThanOrEqual(3);
  });

  it("does not start without a probe target", () => {
    const loop = startProxyHealthLoop({ settings: { ...settings, checkTarget: null } });
    loop.stop();
    expect(logged.some((line) => line.includes("health checks off"))).toBe(true);
  });
});

describe("views", () => {
  it("never carry a password or the full username", async () => {
    const { assignment } = await chipWithExit();
    const view = toProxyView(await db.proxyAssignment.findUniqueOrThrow({ where: { id: assignment.id } }));
    const text = JSON.stringify(view);
    expect(text).not.toContain(GATEWAY_PASSWORD);
    expect(text).not.toContain(assignment.username);
    expect(text).not.toContain(assignment.passwordEncrypted);
  });
});

describe("logs", () => {
  // Runs last: by now every check, failure and rotation above has logged what it logs.
  it("contain no password and no sticky-session username", () => {
    expect(logged.some((line) => line.includes("rotating chip"))).toBe(true);
    const everything = logged.join("\n");
    for (const secret of [GATEWAY_PASSWORD, "not-the-password", ...FIXED_PASSWORDS]) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/acme-account/);
  });
});
