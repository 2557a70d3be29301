// Everything bench/chips.ts needs around the measurement: its own database, a `next start` with the process runtime,
// Chromium, a signed-up user, and clean-up of every process it started.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { applyMigrations } from "../scripts/migrate/index";

export type BenchEnv = { port: number; timeScale: number; dataDir: string; server: ChildProcess; browser: Browser };

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function recreateDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Starts the built app (run `npx next build` first) on `port` with the simulator as local processes. */
export async function startBench({ port, timeScale }: { port: number; timeScale: number }): Promise<BenchEnv> {
  const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres";
  const databaseUrl = await recreateDatabase(adminUrl, "whago_bench_chips");
  await applyMigrations({ databaseUrl });
  const dataDir = await mkdtemp(join(tmpdir(), "whago-bench-chips-"));
  // The bench process reads the database and unseals keys itself (e2e/fixtures/simulator.ts), so it shares these.
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    WHAGO_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
  });
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "localhost"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_URL: `http://localhost:${port}`,
      WHAGO_WEBHOOK_BASE_URL: `http://127.0.0.1:${port}`,
      WAHA_RUNTIME: "process",
      WAHA_PROCESS_DATA_DIR: dataDir,
      WAHA_PORT_RANGE: "24600-24699",
      WAHA_SIM_TIME_SCALE: String(timeScale),
      RATE_LIMIT_BACKEND: "memory",
      RATE_LIMIT_CHIP_CREATE_PER_USER: "1000/1h",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://localhost:${port}/login`).then((r) => r.ok, () => false);
    if (up) break;
    await sleep(200);
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  return { port, timeScale, dataDir, server, browser };
}

export async function signUp(page: Page, port: number): Promise<void> {
  const id = randomBytes(4).toString("hex");
  await page.goto(`http://localhost:${port}/signup`);
  await page.getByLabel("Nome").fill(`Bench ${id}`);
  await page.getByLabel("E-mail").fill(`bench.${id}@example.com`);
  await page.getByLabel("Senha").fill(`pw-${randomBytes(12).toString("hex")}`);
  await page.getByRole("button", { name: "Criar conta" }).click();
  await page.waitForURL(/\/chips$/);
}

/** Stops the server and every simulator process it started (found by the records in this run's own folder). */
export async function stopBench(env: BenchEnv): Promise<void> {
  await env.browser.close();
  env.server.kill("SIGTERM");
  for (const name of await readdir(env.dataDir).catch(() => [] as string[])) {
    const record = await readFile(join(env.dataDir, name, "instance.json"), "utf8").catch(() => null);
    const pid = record ? (JSON.parse(record) as { pid?: number }).pid : undefined;
    if (pid) {
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        // Already gone.
      }
    }
  }
  await sleep(500);
  await rm(env.dataDir, { recursive: true, force: true });
}
