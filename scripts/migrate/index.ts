// In-process entry points of the migration tool (the CLI, test global setup and the embedded runner use these).
export { applyMigrations, DEFAULT_MIGRATIONS_DIR, type ApplyMigrationsOptions, type ApplyMigrationsResult } from "./deploy";
export { createMigration, DEFAULT_SCHEMA_PATH, type CreateMigrationOptions, type CreateMigrationResult } from "./create";
export { getMigrationStatus, type MigrationStatus, type MigrationStatusOptions } from "./status";
