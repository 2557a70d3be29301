// The operator's table: every account with its chips and WAHA instance, in three queries whatever the user count.
import type { ChipStatus } from "~/generated/prisma/enums";
import { db } from "~/server/db";

// A self-hosted deployment has at most a few hundred accounts; the cap keeps one page load bounded regardless.
const MAX_USERS = 1_000;

export type UserOverview = Awaited<ReturnType<typeof listUsersOverview>>[number];

export async function listUsersOverview() {
  const users = await db.user.findMany({
    orderBy: { createdAt: "asc" },
    take: MAX_USERS,
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      status: true,
      createdAt: true,
      instance: { select: { status: true, runtime: true, hostPort: true } },
    },
  });
  const userIds = users.map((u) => u.id);
  const [chipGroups, proxyGroups] = await Promise.all([
    db.chip.groupBy({
      by: ["userId", "status"],
      where: { userId: { in: userIds }, deletedAt: null, status: { not: "DELETED" } },
      _count: { _all: true },
    }),
    db.proxyAssignment.groupBy({
      by: ["userId"],
      where: { userId: { in: userIds }, releasedAt: null, chipId: { not: null } },
      _count: { _all: true },
    }),
  ]);

  const chipsByUser = new Map<string, Partial<Record<ChipStatus, number>>>();
  for (const group of chipGroups) {
    const counts = chipsByUser.get(group.userId) ?? {};
    counts[group.status] = group._count._all;
    chipsByUser.set(group.userId, counts);
  }
  const proxiedByUser = new Map(proxyGroups.map((g) => [g.userId, g._count._all]));

  return users.map((user) => {
    const chipsByStatus = chipsByUser.get(user.id) ?? {};
    return {
      ...user,
      chipsByStatus,
      chipCount: Object.values(chipsByStatus).reduce((sum, n) => sum + n, 0),
      proxiedChips: proxiedByUser.get(user.id) ?? 0,
    };
  });
}
