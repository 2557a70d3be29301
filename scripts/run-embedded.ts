// Runs whago on its embedded default: PGlite over a loopback socket, migrations, a production build when the
// sources changed, and `next start`. Secrets for this install are generated once into .data/ (git-ignored, 0600).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./migrate/index";
import { newestMtime } from "./newest-mtime";

const port = Number(process.env.PORT ?? 3000);
const dataDir = ".data";
const wahaDataDir = process.env.WAHA_PROCESS_DATA_DIR ?? `${dataDir}/waha`;
const log = (msg: string) => console.log(`[whago] ${msg}`);

function loadOrCreateSecrets(): Record<string, string> {
  const file = `${dataDir}/secrets.json`;
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  const secrets = {
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    WHAGO_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  log(`generated this install's secrets in ${file} (keep it private; losing it makes stored WAHA keys unreadable)`);
  return secrets;
}

function buildIfStale(env: NodeJS.ProcessEnv) {
  const stamp = ".next/BUILD_ID";
  const sources = ["src", "public", "prisma/schema.prisma", "next.config.ts", "package-lock.json"];
  if (existsSync(stamp) && statSync(stamp).mtimeMs > newestMtime(sources, ["generated"])) return;
  log("building the app (first run or sources changed)…");
  const res = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env });
  if (res.status !== 0) throw new Error("next build failed");
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  const pg = await startEmbeddedPostgres({ dataDir: `${dataDir}/pglite`, port: Number(process.env.PGLITE_PORT ?? 5433) });
  log(`database: EMBEDDED PGlite at ${dataDir}/pglite (set DATABASE_URL to use a real PostgreSQL)`);
  await applyMigrations({ databaseUrl: pg.url });

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...loadOrCreateSecrets(),
    DATABASE_URL: pg.url,
    WHAGO_EMBEDDED_DB: "true",
    NODE_ENV: "production",
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    WAHA_RUNTIME: process.env.WAHA_RUNTIME ?? "process",
    WAHA_PROCESS_DATA_DIR: wahaDataDir,
    RATE_LIMIT_BACKEND: process.env.RATE_LIMIT_BACKEND ?? "memory",
  };
  buildIfStale(env);
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    stdio: "inherit",
    env,
  });
  log(`whago: http://localhost:${port}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.kill("SIGTERM");
    // The simulators are detached so they outlive a server restart; Ctrl-C here means "stop everything".
    spawnSync("bash", ["-c", 'source scripts/lib.sh && stop_simulators "$1"', "stop", resolve(wahaDataDir)], {
      stdio: "inherit",
    });
    await pg.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", async (code) => {
    if (!stopping) {
      log(`the web server stopped (exit ${code ?? "signal"})`);
      await pg.close();
      process.exit(code ?? 1);
    }
  });
}

main().catch((err: unknown) => {
  console.error("[whago] could not start:", err instanceof Error ? err.message : err);
  process.exit(1);
});
