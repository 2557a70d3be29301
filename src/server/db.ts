// The Prisma client, one per process (cached on globalThis so Next's dev reloads don't open new pools).
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "~/env";
import { PrismaClient } from "~/generated/prisma/client";

const createPrismaClient = () =>
  new PrismaClient({
    adapter: new PrismaPg({ connectionString: env.DATABASE_URL }),
    // Query errors are thrown to the caller, which handles or reports them (unique-key races are expected and retried).
    log: env.NODE_ENV === "development" ? ["warn"] : [],
  });

const globalForPrisma = globalThis as unknown as { whagoPrisma?: ReturnType<typeof createPrismaClient> };

export const db = globalForPrisma.whagoPrisma ?? createPrismaClient();
globalForPrisma.whagoPrisma = db;
