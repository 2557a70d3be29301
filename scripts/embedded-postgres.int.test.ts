// The embedded PGlite server with the real client stack: migrations, Prisma over adapter-pg, concurrent
// transactions, and data surviving a clean close.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "~/generated/prisma/client";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./migrate/index";

const CONCURRENT_TRANSACTIONS = 10;

describe("embedded PostgreSQL (PGlite)", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it("serves migrated tables to Prisma over several connections and keeps the data after a restart", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "whago-pglite-"));
    dirs.push(dataDir);
    const first = await startEmbeddedPostgres({ dataDir, port: 0, log: () => {} });
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: first.url, max: CONCURRENT_TRANSACTIONS }) });
    try {
      await applyMigrations({ databaseUrl: first.url });
      const user = await db.user.create({ data: { name: "Ana", email: "ana@example.test", passwordHash: "x" } });
      // Read-modify-write in parallel: only serialised transactions end with the exact count.
      await Promise.all(
        Array.from({ length: CONCURRENT_TRANSACTIONS }, () =>
          db.$transaction(async (tx) => {
            const current = await tx.user.findUniqueOrThrow({ where: { id: user.id } });
            await tx.user.update({ where: { id: user.id }, data: { proxyQuota: (current.proxyQuota ?? 0) + 1 } });
          }),
        ),
      );
    } finally {
      await db.$disconnect();
      await first.close();
    }

    const second = await startEmbeddedPostgres({ dataDir, port: 0, log: () => {} });
    const reopened = new PrismaClient({ adapter: new PrismaPg({ connectionString: second.url }) });
    try {
      const user = await reopened.user.findUniqueOrThrow({ where: { email: "ana@example.test" } });
      expect(user.proxyQuota).toBe(CONCURRENT_TRANSACTIONS);
    } finally {
      await reopened.$disconnect();
      await second.close();
    }
  });
});
