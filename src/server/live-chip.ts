// Which chip rows count as existing. Deleting a chip keeps its row (DELETED, with deletedAt) for history, so every
// query about the chips a user still has carries this one condition.
import type { Prisma } from "~/generated/prisma/client";

export const LIVE_CHIP = { status: { not: "DELETED" } } as const satisfies Prisma.ChipWhereInput;
