// `deploy`: apply the pending migrations, as `prisma migrate deploy` does.
import { loadMigrationList } from "./migrations-dir";
import { NO_FILTERS, withSchemaEngine, type DatabaseOptions } from "./session";

export const DEFAULT_MIGRATIONS_DIR = "prisma/migrations";

export interface ApplyMigrationsOptions extends DatabaseOptions {
  migrationsDir?: string;
}

export interface ApplyMigrationsResult {
  appliedMigrationNames: string[];
}

export async function applyMigrations(options: ApplyMigrationsOptions): Promise<ApplyMigrationsResult> {
  const migrationsList = await loadMigrationList(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  return withSchemaEngine(options, (engine) => engine.applyMigrations({ migrationsList, filters: NO_FILTERS }));
}
