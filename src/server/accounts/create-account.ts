import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { hashPassword } from "~/server/auth/password";
import { Prisma } from "~/generated/prisma/client";
import type { SignUpInput } from "~/lib/accounts/schemas";

export type CreateAccountOptions = SignUpInput & { locale?: string };

/** Creates a user; emails are stored lower-cased so uniqueness ignores letter case. */
export async function createAccount({ name, email, password, locale }: CreateAccountOptions) {
  const passwordHash = await hashPassword(password);
  try {
    // A nested write is one transaction: there is never a user without its account.created record.
    return await db.user.create({
      data: {
        name,
        email: email.trim().toLowerCase(),
        passwordHash,
        locale: locale ?? "pt-BR",
        auditLogs: { create: { action: "account.created" } },
      },
      select: { id: true, name: true, email: true, locale: true },
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new AppError("CONFLICT", "email_taken");
    }
    throw err;
  }
}
