import { db } from "~/server/db";
import { AppError } from "~/server/errors";

export async function getAccount({ userId }: { userId: string }) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, locale: true, createdAt: true },
  });
  if (!user) throw new AppError("NOT_FOUND", "account_not_found");
  return user;
}

export async function setAccountLocale({ userId, locale }: { userId: string; locale: string }) {
  await db.user.update({ where: { id: userId }, data: { locale } });
  return { locale };
}

export async function isActiveAccount({ userId }: { userId: string }): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { status: true } });
  return user?.status === "ACTIVE";
}
