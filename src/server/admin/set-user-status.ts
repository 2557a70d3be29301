// Suspending blocks access and nothing else: sessions and API keys are refused because every check reads the status,
// while the user's WAHA instance keeps running so paired chips stay paired for a later reactivation.
import type { UserStatus } from "~/generated/prisma/enums";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { requireAdmin } from "./require-admin";

export type SetUserStatusOptions = { actorId: string; userId: string; status: UserStatus };

export async function setUserStatus({ actorId, userId, status }: SetUserStatusOptions) {
  // An operator locking themself out could leave nobody able to undo it.
  if (status === "SUSPENDED" && actorId === userId) throw new AppError("BAD_REQUEST", "cannot_suspend_self");
  return db.$transaction(async (tx) => {
    await requireAdmin({ userId: actorId }, tx);
    const target = await tx.user.findUnique({ where: { id: userId }, select: { status: true } });
    if (!target) throw new AppError("NOT_FOUND", "user_not_found");
    // Conditional update: of two operators clicking at once, only the one that changes something is audited.
    const { count } = await tx.user.updateMany({ where: { id: userId, status: { not: status } }, data: { status } });
    if (count > 0) {
      await tx.auditLog.create({
        data: {
          userId: actorId,
          action: status === "SUSPENDED" ? "user.suspended" : "user.reactivated",
          target: userId,
          details: { from: target.status, to: status },
        },
      });
    }
    return { userId, status };
  });
}
