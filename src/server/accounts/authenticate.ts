import { db } from "~/server/db";
import { burnPasswordCheck, verifyPassword } from "~/server/auth/password";
import { credentialsSchema } from "~/lib/accounts/schemas";
import { AppError } from "~/server/errors";
import { enforceRateLimit } from "~/server/rate-limit";

export type AuthenticatedUser = { id: string; name: string; email: string; locale: string };

export type AuthenticateContext = { ip: string };

/**
 * Checks credentials. Returns null for an unknown email or a wrong password alike, so callers cannot reveal which
 * one it was. A suspended account is told so (AppError FORBIDDEN "account_suspended"), but only after its right
 * password. Every attempt counts against the per-IP and per-email log-in limits, before the
 * password is checked; over either one it throws AppError RATE_LIMITED.
 */
export async function authenticate(
  input: unknown,
  context: AuthenticateContext = { ip: "unknown" },
): Promise<AuthenticatedUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  await Promise.all([enforceRateLimit("loginPerIp", context.ip), enforceRateLimit("loginPerEmail", email)]);
  const user = await db.user.findUnique({ where: { email } });
  if (!user) {
    await burnPasswordCheck(password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  if (user.status !== "ACTIVE") throw new AppError("FORBIDDEN", "account_suspended");
  return { id: user.id, name: user.name, email: user.email, locale: user.locale };
}
