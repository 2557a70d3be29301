import { accountRouter } from "./routers/account";
import { chipRouter } from "./routers/chip";
import { apiKeyRouter } from "./routers/api-key";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  chip: chipRouter,
  apiKey: apiKeyRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
