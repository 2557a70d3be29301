// The Prisma client, one per process (cached on globalThis so Next's dev reloads don't open new pools).
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "~/env";
import { PrismaClient } from "~/generated/prisma/client";

const createPrismaClient = () =>
  new PrismaClient({
    adapter: new PrismaPg({ connectionString: env.DATABASE_URL }),
    log: env.NODE_ENV === "development" ? ["warn", "error"] : ["error"],
  });

const globalForPrisma = globalThis as unknown as { whagoPrisma?: ReturnType<typeof createPrismaClient> };

export const db = globalForPrisma.whagoPrisma ?? createPrismaClient();
globalForPrisma.whagoPrisma = db;
