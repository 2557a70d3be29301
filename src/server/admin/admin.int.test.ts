// The operator's procedures through tRPC: admins only (by the database, not the session), and suspension taking
// effect at once for the web session, the log-in and the API keys.
import { describe, expect, it, vi } from "vitest";
import { db } from "~/server/db";

// getServerAuthSession asks next-auth for the token; here the token is whoever the test says, so what is under test
// is the account check that follows it.
const token = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: async () => (token.userId ? { user: { id: token.userId, name: "T", email: "t@example.com" } } : null),
}));

const { createCaller } = await import("~/server/api/root");
const { getServerAuthSession } = await import("~/server/auth");
const { authenticate } = await import("~/server/accounts/authenticate");
const { authenticateApiKey, createApiKey } = await import("~/server/api-keys");
const { TEST_PASSWORD, createChipRow, createInstanceRow, createTestAccount } = await import("./testing");

const callerFor = (userId: string | null) =>
  createCaller({
    session: userId ? { user: { id: userId, name: "T", email: "t@example.com" }, expires: "2999-01-01" } : null,
    headers: new Headers(),
  });

async function accessOf(userId: string) {
  token.userId = userId;
  const { email } = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return {
    session: (await getServerAuthSession())?.user.id ?? null,
    logIn: await authenticate({ email, password: TEST_PASSWORD }).then((u) => u?.id ?? null, (err: Error) => err.message),
  };
}

describe("admin procedures", () => {
  it("refuse anonymous callers and users who are not admins", async () => {
    const user = await createTestAccount();
    const target = await createTestAccount();
    const calls = (api: ReturnType<typeof callerFor>) => [
      () => api.admin.users(),
      () => api.admin.usage(),
      () => api.admin.setUserStatus({ userId: target.id, status: "SUSPENDED" }),
    ];
    for (const call of calls(callerFor(null))) await expect(call()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    for (const call of calls(callerFor(user.id))) await expect(call()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("ACTIVE");
  });

  it("follow the role and status in the database, whatever session the caller holds", async () => {
    const admin = await createTestAccount({ admin: true });
    const api = callerFor(admin.id);
    await expect(api.admin.users()).resolves.toBeInstanceOf(Array);
    await db.user.update({ where: { id: admin.id }, data: { role: "USER" } });
    await expect(api.admin.users()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await db.user.update({ where: { id: admin.id }, data: { role: "ADMIN", status: "SUSPENDED" } });
    await expect(api.admin.users()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("list every user with chips by status, proxied chips and the instance", async () => {
    const admin = await createTestAccount({ admin: true });
    const user = await createTestAccount();
    await createInstanceRow(user.id, "PROCESS", 24_123);
    await createChipRow(user.id, "WORKING", { proxied: true });
    await createChipRow(user.id, "WORKING");
    await createChipRow(user.id, "SCAN_QR_CODE", { proxied: true });
    await createChipRow(user.id, "DELETED");

    const rows = await callerFor(admin.id).admin.users();
    expect(rows.find((r) => r.id === user.id)).toMatchObject({
      email: user.email,
      status: "ACTIVE",
      role: "USER",
      chipsByStatus: { WORKING: 2, SCAN_QR_CODE: 1 },
      chipCount: 3,
      proxiedChips: 2,
      instance: { status: "READY", runtime: "PROCESS", hostPort: 24_123 },
    });
    expect(rows.find((r) => r.id === admin.id)).toMatchObject({ role: "ADMIN", chipCount: 0, instance: null });
  });
});

describe("suspending a user", () => {
  it("ends their web session, log-in and API keys at once; reactivating restores them; both are audited", async () => {
    const admin = await createTestAccount({ admin: true });
    const user = await createTestAccount();
    const { key } = await createApiKey({ userId: user.id, name: "crm", scopes: ["read"] });
    expect(await accessOf(user.id)).toEqual({ session: user.id, logIn: user.id });
    await expect(authenticateApiKey(key)).resolves.toMatchObject({ userId: user.id });

    const api = callerFor(admin.id);
    await api.admin.setUserStatus({ userId: user.id, status: "SUSPENDED" });
    expect(await accessOf(user.id)).toEqual({ session: null, logIn: "account_suspended" });
    await expect(authenticateApiKey(key)).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    await api.admin.setUserStatus({ userId: user.id, status: "ACTIVE" });
    expect(await accessOf(user.id)).toEqual({ session: user.id, logIn: user.id });
    await expect(authenticateApiKey(key)).resolves.toMatchObject({ userId: user.id });

    const audit = await db.auditLog.findMany({ where: { target: user.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.userId, a.action, a.details])).toEqual([
      [admin.id, "user.suspended", { from: "ACTIVE", to: "SUSPENDED" }],
      [admin.id, "user.reactivated", { from: "SUSPENDED", to: "ACTIVE" }],
    ]);
  });

  it("is refused for oneself, and a repeated request changes and audits nothing", async () => {
    const admin = await createTestAccount({ admin: true });
    const user = await createTestAccount();
    const api = callerFor(admin.id);
    await expect(api.admin.setUserStatus({ userId: admin.id, status: "SUSPENDED" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "cannot_suspend_self",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).status).toBe("ACTIVE");

    await api.admin.setUserStatus({ userId: user.id, status: "SUSPENDED" });
    await api.admin.setUserStatus({ userId: user.id, status: "SUSPENDED" });
    expect(await db.auditLog.count({ where: { target: { in: [admin.id, user.id] } } })).toBe(1);
  });

  it("answers NOT_FOUND for an unknown user", async () => {
    const admin = await createTestAccount({ admin: true });
    const missing = "00000000-0000-4000-8000-000000000000";
    await expect(callerFor(admin.id).admin.setUserStatus({ userId: missing, status: "SUSPENDED" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
