// Making the first operator: there is no admin yet to do it from the UI, so a command run beside the app does it.
import { db } from "~/server/db";
import { AppError } from "~/server/errors";

export async function promoteToAdmin({ email }: { email: string }) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, role: true } });
    if (!user) throw new AppError("NOT_FOUND", "user_not_found");
    if (user.role !== "ADMIN") {
      await tx.user.update({ where: { id: user.id }, data: { role: "ADMIN" } });
      // No acting user: the command runs with database access, outside any session.
      await tx.auditLog.create({ data: { action: "user.promoted_to_admin", target: user.id } });
    }
    return { userId: user.id, alreadyAdmin: user.role === "ADMIN" };
  });
}
