// The migration tool against both databases it must serve: PostgreSQL 15 (TEST_DATABASE_URL) and embedded PGlite.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { dropDatabase, recreateDatabase } from "../../src/test/databases";
import { IN_MEMORY, startEmbeddedPostgres } from "../embedded-postgres";
import { applyMigrations, createMigration, getMigrationStatus } from "./index";
import { LOCKFILE_CONTENT } from "./migrations-dir";

const WIDGET_SCHEMA = `datasource db {
  provider = "postgresql"
}

model Widget {
  id   Int    @id @default(autoincrement())
  name String
}
`;
const WIDGET_WITH_COLOUR_SCHEMA = WIDGET_SCHEMA.replace("name String", "name String\n  colour String?");

interface Backend {
  name: string;
  /** A fresh, empty database; `drop` removes it. */
  create: () => Promise<{ url: string; drop: () => Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: "PostgreSQL 15",
    create: async () => {
      const name = `migrate_t_${randomBytes(6).toString("hex")}`;
      return { url: await recreateDatabase(name), drop: () => dropDatabase(name) };
    },
  },
  {
    name: "PGlite",
    create: async () => {
      const embedded = await startEmbeddedPostgres({ dataDir: IN_MEMORY, port: 0, log: () => {} });
      return { url: embedded.url, drop: embedded.close };
    },
  },
];

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const tableExists = async (url: string, table: string) =>
  (await query<{ found: string | null }>(url, `SELECT to_regclass('public."${table}"')::text AS found`))[0]?.found !== null;

describe.each(backends)("migrate on $name", (backend) => {
  let database: { url: string; drop: () => Promise<void> };
  let workDir: string;
  let migrationsDir: string;
  let schemaPath: string;

  beforeEach(async () => {
    database = await backend.create();
    workDir = await mkdtemp(join(tmpdir(), "whago-migrate-"));
    migrationsDir = join(workDir, "migrations");
    schemaPath = join(workDir, "schema.prisma");
    await writeFile(schemaPath, WIDGET_SCHEMA);
  });

  afterEach(async () => {
    await database.drop();
    await rm(workDir, { recursive: true, force: true });
  });

  const author = (name: string, minute: number) =>
    createMigration({
      name,
      schemaPath,
      migrationsDir,
      databaseUrl: database.url,
      now: new Date(Date.UTC(2025, 0, 1, 0, minute)),
    });

  it("deploys the project's own migrations onto an empty database", async () => {
    const { appliedMigrationNames } = await applyMigrations({ databaseUrl: database.url });

    expect(appliedMigrationNames.length).toBeGreaterThan(0);
    expect(await tableExists(database.url, "User")).toBe(true);
    expect(await tableExists(database.url, "Chip")).toBe(true);
  });

  it("authors a first migration, deploys it once, and reports nothing left to do", async () => {
    const first = await author("Create widgets", 0);
    expect(first.folder).toMatch(/20250101000000_create_widgets$/);
    expect(first.sql).toContain('CREATE TABLE "Widget"');
    expect(await readFile(join(migrationsDir, "migration_lock.toml"), "utf8")).toBe(LOCKFILE_CONTENT);

    const deployed = await applyMigrations({ databaseUrl: database.url, migrationsDir });
    expect(deployed.appliedMigrationNames).toEqual(["20250101000000_create_widgets"]);
    expect(await tableExists(database.url, "Widget")).toBe(true);
    const rows = await query<{ migration_name: string; finished_at: Date | null }>(
      database.url,
      "SELECT migration_name, finished_at FROM _prisma_migrations",
    );
    expect(rows).toEqual([{ migration_name: "20250101000000_create_widgets", finished_at: expect.any(Date) }]);

    const again = await applyMigrations({ databaseUrl: database.url, migrationsDir });
    expect(again.appliedMigrationNames).toEqual([]);
  });

  it("writes only the difference after a schema change, and nothing when there is none", async () => {
    await author("create_widgets", 0);
    await writeFile(schemaPath, WIDGET_WITH_COLOUR_SCHEMA);

    const second = await author("add_colour", 1);
    expect(second.folder).toMatch(/20250101000100_add_colour$/);
    expect(second.sql).toMatch(/ALTER TABLE "Widget" ADD COLUMN\s+"colour" TEXT;/);
    expect(second.sql).not.toContain("CREATE TABLE");

    const third = await author("nothing", 2);
    expect(third.folder).toBeNull();
    expect(existsSync(join(migrationsDir, "20250101000200_nothing"))).toBe(false);
  });

  it("reports pending migrations, then an up-to-date database, then drift", async () => {
    await author("create_widgets", 0);
    const before = await getMigrationStatus({ databaseUrl: database.url, migrationsDir });
    expect(before.pending).toEqual(["20250101000000_create_widgets"]);

    await applyMigrations({ databaseUrl: database.url, migrationsDir });
    const after = await getMigrationStatus({ databaseUrl: database.url, migrationsDir });
    expect(after).toMatchObject({ pending: [], failed: [], edited: [], drift: null });

    await query(database.url, 'ALTER TABLE "Widget" ADD COLUMN "sneaky" INTEGER');
    const drifted = await getMigrationStatus({ databaseUrl: database.url, migrationsDir });
    expect(drifted.drift).toContain('"sneaky"');
  });

  it("fails clearly on a broken migration, keeps none of it, and does not mark it applied", async () => {
    const broken = join(migrationsDir, "20250101000000_broken");
    await mkdir(broken, { recursive: true });
    await writeFile(join(migrationsDir, "migration_lock.toml"), LOCKFILE_CONTENT);
    await writeFile(
      join(broken, "migration.sql"),
      "CREATE TABLE \"HalfDone\" (id INTEGER, note TEXT DEFAULT 'a;b');\nINSERT INTO \"NoSuchTable\" VALUES (1);\n",
    );

    await expect(applyMigrations({ databaseUrl: database.url, migrationsDir })).rejects.toThrow(/NoSuchTable/);

    expect(await tableExists(database.url, "HalfDone")).toBe(false);
    const finished = await query(database.url, "SELECT 1 FROM _prisma_migrations WHERE finished_at IS NOT NULL");
    expect(finished).toEqual([]);
    const status = await getMigrationStatus({ databaseUrl: database.url, migrationsDir });
    expect(status.failed).toEqual(["20250101000000_broken"]);
  });
});

describe("migrate without a database", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it("authors a migration in a throw-away PGlite when no DATABASE_URL is given", async () => {
    const workDir = await mkdtemp(join(tmpdir(), "whago-migrate-"));
    dirs.push(workDir);
    await writeFile(join(workDir, "schema.prisma"), WIDGET_SCHEMA);

    const result = await createMigration({
      name: "init",
      schemaPath: join(workDir, "schema.prisma"),
      migrationsDir: join(workDir, "migrations"),
    });

    expect(result.sql).toContain('CREATE TABLE "Widget"');
    expect(result.folder && existsSync(join(result.folder, "migration.sql"))).toBe(true);
  });
});
