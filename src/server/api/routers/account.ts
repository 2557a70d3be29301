import { env } from "~/env";
import { z } from "zod";
import { createAccount } from "~/server/accounts/create-account";
import { getAccount, setAccountLocale } from "~/server/accounts/account-settings";
import { signUpSchema } from "~/lib/accounts/schemas";
import { locales } from "~/i18n/config";
import { clientIp } from "~/server/http/client-ip";
import { enforceRateLimit } from "~/server/rate-limit";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";

export const accountRouter = createTRPCRouter({
  signUp: publicProcedure
    .input(signUpSchema.extend({ locale: z.enum(locales).optional() }))
    .mutation(async ({ ctx, input }) => {
      await enforceRateLimit("signUpPerIp", clientIp(ctx.headers, env.TRUSTED_PROXY_HOPS));
      return createAccount(input);
    }),
  me: protectedProcedure.query(({ ctx }) => getAccount({ userId: ctx.userId })),
  setLocale: protectedProcedure
    .input(z.object({ locale: z.enum(locales) }))
    .mutation(({ ctx, input }) => setAccountLocale({ userId: ctx.userId, locale: input.locale })),
});
