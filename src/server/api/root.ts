import { accountRouter } from "./routers/account";
import { apiKeyRouter } from "./routers/api-key";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  apiKey: apiKeyRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
