// `new <name>`: author a migration by diffing what the existing migrations build against the Prisma schema.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { IN_MEMORY, startEmbeddedPostgres } from "../embedded-postgres";
import { DEFAULT_MIGRATIONS_DIR } from "./deploy";
import { LOCKFILE_CONTENT, loadMigrationList, migrationTimestamp, normaliseMigrationName, writeMigration } from "./migrations-dir";
import { NO_FILTERS, withSchemaEngine, type DatabaseOptions } from "./session";

export const DEFAULT_SCHEMA_PATH = "prisma/schema.prisma";

export interface CreateMigrationOptions extends Partial<DatabaseOptions> {
  name: string;
  schemaPath?: string;
  migrationsDir?: string;
  /** Fixes the folder's timestamp (tests). */
  now?: Date;
}

export interface CreateMigrationResult {
  /** Null when the schema already matches the migrations. */
  folder: string | null;
  sql: string;
}

/** The engine answers an empty diff with a comment instead of an empty script. */
export function isEmptyMigrationScript(sql: string): boolean {
  return sql
    .split("\n")
    .map((line) => line.trim())
    .every((line) => line === "" || line.startsWith("--"));
}

/** Authoring needs no real database: without one, a throw-away in-memory PGlite serves as main and shadow. */
async function withDatabase<T>(options: Partial<DatabaseOptions>, run: (database: DatabaseOptions) => Promise<T>) {
  if (options.databaseUrl) return run({ databaseUrl: options.databaseUrl, shadowDatabaseUrl: options.shadowDatabaseUrl });
  const embedded = await startEmbeddedPostgres({ dataDir: IN_MEMORY, port: 0, log: () => {} });
  try {
    return await run({ databaseUrl: embedded.url, shadowDatabaseUrl: embedded.url });
  } finally {
    await embedded.close();
  }
}

export async function createMigration(options: CreateMigrationOptions): Promise<CreateMigrationResult> {
  const name = normaliseMigrationName(options.name);
  const migrationsDir = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  const schemaPath = resolve(options.schemaPath ?? DEFAULT_SCHEMA_PATH);
  const [migrationsList, schema] = await Promise.all([loadMigrationList(migrationsDir), readFile(schemaPath, "utf8")]);

  // The engine reads the provider from the lockfile; a first migration writes it.
  migrationsList.lockfile.content ??= LOCKFILE_CONTENT;
  // The "migrations" side is replayed into a shadow database by the engine.
  const { stdout } = await withDatabase(options, (database) =>
    withSchemaEngine(database, (engine) =>
      engine.diff({
        from: { tag: "migrations", ...migrationsList },
        to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      }),
    ),
  );
  const sql = stdout ?? "";
  if (isEmptyMigrationScript(sql)) return { folder: null, sql };
  const folderName = `${migrationTimestamp(options.now ?? new Date())}_${name}`;
  return { folder: await writeMigration(migrationsDir, folderName, sql), sql };
}
