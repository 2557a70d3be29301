// Migration CLI over the WebAssembly schema engine: `tsx scripts/migrate/cli.ts deploy | new <name> | status`.
// Settings: DATABASE_URL (required for deploy and status), SHADOW_DATABASE_URL (optional, for new and status).
import { applyMigrations, createMigration, getMigrationStatus, type MigrationStatus } from "./index";

const USAGE = "usage: tsx scripts/migrate/cli.ts deploy | new <name> | status";

function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (e.g. postgresql://user:password@127.0.0.1:5432/whago).");
  return url;
}

const shadowDatabaseUrl = () => process.env.SHADOW_DATABASE_URL || undefined;

async function deploy() {
  const { appliedMigrationNames } = await applyMigrations({ databaseUrl: requireDatabaseUrl() });
  if (appliedMigrationNames.length === 0) console.log("No pending migrations: the database is up to date.");
  for (const name of appliedMigrationNames) console.log(`Applied ${name}`);
}

async function create(name: string | undefined) {
  if (!name) throw new Error(`missing migration name. ${USAGE}`);
  // Without DATABASE_URL the shadow work happens in a throw-away in-memory PGlite.
  const result = await createMigration({
    name,
    databaseUrl: process.env.DATABASE_URL || undefined,
    shadowDatabaseUrl: shadowDatabaseUrl(),
  });
  console.log(result.folder ? `Wrote ${result.folder}/migration.sql` : "No changes: the schema matches the migrations.");
}

function printStatus(status: MigrationStatus) {
  const applied = status.migrationNames.length - status.pending.length;
  console.log(`${status.migrationNames.length} migration(s) in the folder, ${applied} applied.`);
  const lists: [string, string[]][] = [
    ["Pending", status.pending],
    ["Failed", status.failed],
    ["Edited after being applied", status.edited],
    ["Applied but missing from the folder", status.unknownToFolder],
  ];
  for (const [title, names] of lists) if (names.length) console.log(`${title}:\n  ${names.join("\n  ")}`);
  if (status.drift) console.log(`Drift: the database differs from what the migrations build by:\n${status.drift}`);
  const healthy = !status.pending.length && !status.failed.length && !status.edited.length && !status.drift;
  if (healthy) console.log("The database is up to date.");
  return healthy;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "deploy":
      await deploy();
      return 0;
    case "new":
      await create(rest[0]);
      return 0;
    case "status":
      return printStatus(await getMigrationStatus({ databaseUrl: requireDatabaseUrl(), shadowDatabaseUrl: shadowDatabaseUrl() }))
        ? 0
        : 1;
    default:
      console.error(USAGE);
      return 2;
  }
}

// A Rust panic inside the engine escapes as an uncaught wasm "unreachable" trap rather than a rejected promise.
process.on("uncaughtException", (error) => {
  const panic = (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { get(): string } }).PRISMA_WASM_PANIC_REGISTRY?.get();
  console.error(`[migrate] the schema engine crashed: ${panic || error.message}`);
  process.exit(1);
});

// Exit explicitly with the command's status, so nothing left pending (a pool, a timer) can delay the shell.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[migrate] ${process.argv[2] ?? ""} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
