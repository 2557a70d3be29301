import { z } from "zod";
import { getInstanceUsage, listUsersOverview, setUserStatus } from "~/server/admin";
import { adminProcedure, createTRPCRouter } from "../trpc";

export const adminRouter = createTRPCRouter({
  users: adminProcedure.query(() => listUsersOverview()),
  usage: adminProcedure.query(() => getInstanceUsage()),
  setUserStatus: adminProcedure
    .input(z.object({ userId: z.string().uuid(), status: z.enum(["ACTIVE", "SUSPENDED"]) }))
    .mutation(({ ctx, input }) => setUserStatus({ actorId: ctx.userId, ...input })),
});
