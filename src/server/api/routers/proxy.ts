import { z } from "zod";
import { rotateChipProxy } from "~/server/chips";
import { checkChipProxy, getChipProxy, getProxyQuota } from "~/server/proxies";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const chipRef = z.object({ chipId: z.string().uuid() });

export const proxyRouter = createTRPCRouter({
  /** The chip's exit as users may see it (no password, username masked); null when it has none. */
  get: protectedProcedure.input(chipRef).query(({ ctx, input }) => getChipProxy({ userId: ctx.userId, ...input })),
  check: protectedProcedure.input(chipRef).mutation(({ ctx, input }) => checkChipProxy({ userId: ctx.userId, ...input })),
  rotate: protectedProcedure.input(chipRef).mutation(({ ctx, input }) => rotateChipProxy({ userId: ctx.userId, ...input })),
  quota: protectedProcedure.query(({ ctx }) => getProxyQuota({ userId: ctx.userId })),
});
