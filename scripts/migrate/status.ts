// `status`: which migrations are applied or pending, and whether the database drifted from what they build.
import type { DiagnoseMigrationHistoryOutput } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { DEFAULT_MIGRATIONS_DIR } from "./deploy";
import { loadMigrationList } from "./migrations-dir";
import { NO_FILTERS, withSchemaEngine, type DatabaseOptions } from "./session";

const DATASOURCE_ONLY_SCHEMA = 'datasource db {\n  provider = "postgresql"\n}\n';

export interface MigrationStatusOptions extends DatabaseOptions {
  migrationsDir?: string;
}

export interface MigrationStatus {
  migrationNames: string[];
  pending: string[];
  /** Applied to the database but missing from the migrations folder. */
  unknownToFolder: string[];
  failed: string[];
  /** Applied, but the file changed since. */
  edited: string[];
  /** SQL leading from what the migrations build to what the database holds; null when they match. */
  drift: string | null;
}

export function summariseHistory(
  migrationNames: string[],
  diagnosis: DiagnoseMigrationHistoryOutput,
): Omit<MigrationStatus, "drift"> {
  const history = diagnosis.history;
  const pending = !diagnosis.hasMigrationsTable
    ? migrationNames
    : history && history.diagnostic !== "migrationsDirectoryIsBehind"
      ? history.unappliedMigrationNames
      : [];
  const unknownToFolder = history && history.diagnostic !== "databaseIsBehind" ? history.unpersistedMigrationNames : [];
  return {
    migrationNames,
    pending,
    unknownToFolder,
    failed: diagnosis.failedMigrationNames,
    edited: diagnosis.editedMigrationNames,
  };
}

export async function getMigrationStatus(options: MigrationStatusOptions): Promise<MigrationStatus> {
  const migrationsList = await loadMigrationList(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const migrationNames = migrationsList.migrationDirectories.map((directory) => directory.path);
  return withSchemaEngine(options, async (engine) => {
    const diagnosis = await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: NO_FILTERS,
    });
    const summary = summariseHistory(migrationNames, diagnosis);
    // Drift only means something once every migration is applied; before that, the difference is the pending work.
    if (summary.pending.length > 0 || summary.failed.length > 0) return { ...summary, drift: null };
    const { exitCode, stdout } = await engine.diff({
      from: { tag: "migrations", ...migrationsList },
      // With a driver adapter, "the schema's datasource" is the adapter's own connection: the live database.
      to: { tag: "schemaDatasource", files: [{ path: "schema.prisma", content: DATASOURCE_ONLY_SCHEMA }], configDir: "." },
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    });
    return { ...summary, drift: exitCode === 2 ? (stdout ?? "") : null };
  });
}
