import { z } from "zod";
import { createApiKey, listApiKeys, revokeApiKey } from "~/server/api-keys";
import { API_KEY_NAME_MAX_LENGTH, apiKeyScopeSchema } from "~/server/api-keys/scopes";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const apiKeyRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listApiKeys({ userId: ctx.userId })),
  create: protectedProcedure
    .input(
      z.object({
        name: z.string().trim().min(1, "api_key_name_required").max(API_KEY_NAME_MAX_LENGTH, "api_key_name_too_long"),
        scopes: z.array(apiKeyScopeSchema).min(1, "api_key_scopes_required"),
      }),
    )
    .mutation(({ ctx, input }) => createApiKey({ userId: ctx.userId, ...input })),
  revoke: protectedProcedure
    .input(z.object({ id: z.string().uuid() }))
    .mutation(({ ctx, input }) => revokeApiKey({ userId: ctx.userId, apiKeyId: input.id })),
});
