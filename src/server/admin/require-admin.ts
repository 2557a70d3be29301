// Operator access: the role is read from the database on every call, so a demoted or suspended admin loses it at once
// (a session token would keep a stale role for its 30 days).
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";

type Reader = Pick<Prisma.TransactionClient, "user">;

export async function isAdmin({ userId }: { userId: string }, client: Reader = db): Promise<boolean> {
  const user = await client.user.findUnique({ where: { id: userId }, select: { role: true, status: true } });
  return user?.role === "ADMIN" && user.status === "ACTIVE";
}

/** Throws FORBIDDEN unless the user is an active admin. */
export async function requireAdmin({ userId }: { userId: string }, client: Reader = db): Promise<void> {
  if (!(await isAdmin({ userId }, client))) throw new AppError("FORBIDDEN", "admin_only");
}
