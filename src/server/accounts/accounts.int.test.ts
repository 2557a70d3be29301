import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { isActiveAccount } from "./account-settings";
import { authenticate } from "./authenticate";
import { createAccount } from "./create-account";

const uniqueEmail = () => `User.${randomUUID()}@Example.com`;

describe("accounts", () => {
  it("stores an argon2id hash, never the password, and the email lower-cased", async () => {
    const email = uniqueEmail();
    const user = await createAccount({ name: "Ana", email: email.toLowerCase(), password: "s3cret-password" });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.email).toBe(email.toLowerCase());
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(row)).not.toContain("s3cret-password");
    expect(await db.auditLog.findMany({ where: { userId: user.id }, select: { action: true } })).toEqual([
      { action: "account.created" },
    ]);
  });

  it("refuses a second account for the same email in another letter case", async () => {
    const email = uniqueEmail();
    await createAccount({ name: "Ana", email: email.toLowerCase(), password: "s3cret-password" });
    const auditRows = await db.auditLog.count();
    const again = createAccount({ name: "Bia", email: email.toLowerCase(), password: "other-password" });
    await expect(again).rejects.toBeInstanceOf(AppError);
    await expect(again).rejects.toMatchObject({ code: "CONFLICT", message: "email_taken" });
    expect(await db.user.count({ where: { email: email.toLowerCase() } })).toBe(1);
    expect(await db.auditLog.count()).toBe(auditRows);
  });

  it("authenticates with any letter case of the email and rejects wrong passwords and unknown emails alike", async () => {
    const email = uniqueEmail();
    await createAccount({ name: "Ana", email: email.toLowerCase(), password: "s3cret-password" });
    expect(await authenticate({ email: email.toUpperCase(), password: "s3cret-password" })).toMatchObject({
      email: email.toLowerCase(),
    });
    expect(await authenticate({ email, password: "wrong-password" })).toBeNull();
    expect(await authenticate({ email: uniqueEmail(), password: "s3cret-password" })).toBeNull();
    expect(await authenticate({ email: "not-an-email", password: "x" })).toBeNull();
  });
});

describe("account status", () => {
  it("counts only existing, active accounts as signed in", async () => {
    const user = await createAccount({ name: "Ana", email: uniqueEmail().toLowerCase(), password: "s3cret-password" });
    expect(await isActiveAccount({ userId: user.id })).toBe(true);
    await db.user.update({ where: { id: user.id }, data: { status: "SUSPENDED" } });
    expect(await isActiveAccount({ userId: user.id })).toBe(false);
    await expect(authenticate({ email: user.email, password: "s3cret-password" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "account_suspended",
    });
    // A wrong password still says nothing about the account.
    expect(await authenticate({ email: user.email, password: "wrong-password" })).toBeNull();
    expect(await isActiveAccount({ userId: randomUUID() })).toBe(false);
  });
});
