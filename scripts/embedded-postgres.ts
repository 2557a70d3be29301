// Embedded PostgreSQL for the zero-setup default: PGlite (PostgreSQL 18 compiled to WebAssembly) served over the
// PostgreSQL wire protocol on a loopback port, so Prisma (adapter-pg) and psql connect to it like to any server.
// CLI: `tsx scripts/embedded-postgres.ts [dataDir]` (env PGLITE_DATA_DIR, PGLITE_PORT; defaults .data/pglite, 5433).
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export const DEFAULT_DATA_DIR = ".data/pglite";
export const DEFAULT_PORT = 5433;
/** Pass as `dataDir` for a throw-away database held in memory only. */
export const IN_MEMORY = "memory://";

export interface StartEmbeddedPostgresOptions {
  dataDir?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Receives the start/stop notices; pass `() => {}` to stay quiet. */
  log?: (line: string) => void;
}

export interface EmbeddedPostgres {
  url: string;
  close: () => Promise<void>;
}

// Every connection shares the single PGlite database, whatever database name the client asks for.
const MAX_CONNECTIONS = 100;

export async function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const log = options.log ?? ((line: string) => console.log(line));
  const inMemory = options.dataDir === IN_MEMORY;
  const dataDir = inMemory ? IN_MEMORY : resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  if (!inMemory) mkdirSync(dataDir, { recursive: true });

  const db = await PGlite.create(inMemory ? undefined : dataDir);
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: options.port ?? DEFAULT_PORT,
    maxConnections: MAX_CONNECTIONS,
  });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  const url = `postgresql://postgres:postgres@${server.getServerConn()}/postgres`;
  log(
    `[embedded-postgres] EMBEDDED PGlite (PostgreSQL 18 in WebAssembly) on ${server.getServerConn()}, data: ${dataDir}. ` +
      "Zero-setup default for development and demos, NOT for production: set DATABASE_URL to a real PostgreSQL.",
  );

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await server.stop();
      // Closing PGlite flushes its data folder; skipping it can lose the last writes.
      await db.close();
      log("[embedded-postgres] stopped");
    })());
  return { url, close };
}

async function main() {
  const dataDir = process.argv[2] ?? process.env.PGLITE_DATA_DIR ?? DEFAULT_DATA_DIR;
  const port = Number(process.env.PGLITE_PORT ?? DEFAULT_PORT);
  const embedded = await startEmbeddedPostgres({ dataDir, port });
  console.log(`[embedded-postgres] DATABASE_URL=${embedded.url}`);
  const shutdown = (signal: string) => {
    console.log(`[embedded-postgres] ${signal}: closing`);
    embedded.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("[embedded-postgres] close failed:", error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error("[embedded-postgres] failed to start:", error);
    process.exit(1);
  });
}
