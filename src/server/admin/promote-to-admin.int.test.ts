import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { promoteToAdmin } from "./promote-to-admin";
import { createTestAccount } from "./testing";

describe("promoteToAdmin", () => {
  it("makes an account admin by its email in any letter case, once, with an audit entry", async () => {
    const user = await createTestAccount();
    expect(await promoteToAdmin({ email: ` ${user.email.toUpperCase()} ` })).toEqual({ userId: user.id, alreadyAdmin: false });
    expect(await promoteToAdmin({ email: user.email })).toEqual({ userId: user.id, alreadyAdmin: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("ADMIN");
    expect(await db.auditLog.count({ where: { target: user.id, action: "user.promoted_to_admin" } })).toBe(1);
  });

  it("refuses an unknown email", async () => {
    await expect(promoteToAdmin({ email: "nobody.here@example.com" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "user_not_found",
    });
  });
});
