import { accountRouter } from "./routers/account";
import { adminRouter } from "./routers/admin";
import { chipRouter } from "./routers/chip";
import { apiKeyRouter } from "./routers/api-key";
import { proxyRouter } from "./routers/proxy";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  chip: chipRouter,
  apiKey: apiKeyRouter,
  proxy: proxyRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
