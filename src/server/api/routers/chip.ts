import { z } from "zod";
import {
  createChip,
  getChip,
  getChipQr,
  LABEL_MAX_LENGTH,
  listChipMessages,
  listChips,
  logoutChip,
  removeChip,
  renameChip,
  requestChipPairingCode,
  restartChip,
  sendChipMessage,
} from "~/server/chips";
import { enforceRateLimit } from "~/server/rate-limit";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const chipRef = z.object({ chipId: z.string().min(1).max(64) });
const label = z.string().trim().min(1, "label_required").max(LABEL_MAX_LENGTH, "label_too_long");

export const chipRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listChips({ userId: ctx.userId })),
  get: protectedProcedure.input(chipRef).query(({ ctx, input }) => getChip({ userId: ctx.userId, ...input })),
  // Same limit keys as the REST routes, so the dashboard and the API share one budget.
  qr: protectedProcedure.input(chipRef).query(async ({ ctx, input }) => {
    await enforceRateLimit("qrReadPerChip", `${ctx.userId}:${input.chipId}`);
    return getChipQr({ userId: ctx.userId, ...input });
  }),
  create: protectedProcedure
    .input(z.object({ label }))
    .mutation(async ({ ctx, input }) => {
      await enforceRateLimit("chipCreatePerUser", ctx.userId);
      return createChip({ userId: ctx.userId, label: input.label });
    }),
  rename: protectedProcedure
    .input(chipRef.extend({ label }))
    .mutation(({ ctx, input }) => renameChip({ userId: ctx.userId, ...input })),
  restart: protectedProcedure.input(chipRef).mutation(({ ctx, input }) => restartChip({ userId: ctx.userId, ...input })),
  logout: protectedProcedure.input(chipRef).mutation(({ ctx, input }) => logoutChip({ userId: ctx.userId, ...input })),
  remove: protectedProcedure.input(chipRef).mutation(({ ctx, input }) => removeChip({ userId: ctx.userId, ...input })),
  requestPairingCode: protectedProcedure
    .input(chipRef.extend({ phoneNumber: z.string().min(8).max(32) }))
    .mutation(({ ctx, input }) => requestChipPairingCode({ userId: ctx.userId, ...input })),
  sendMessage: protectedProcedure
    .input(chipRef.extend({ chatId: z.string().min(3).max(128), text: z.string().min(1).max(4096) }))
    .mutation(({ ctx, input }) => sendChipMessage({ userId: ctx.userId, ...input })),
  messages: protectedProcedure
    .input(chipRef.extend({ limit: z.number().int().min(1).max(200).optional(), cursor: z.uuid().optional() }))
    .query(({ ctx, input }) => listChipMessages({ userId: ctx.userId, ...input })),
});
