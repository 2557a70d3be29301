// Add chip → QR visible in the browser (on a warm instance), and QR rotation → new QR in the browser, through the
// whole path: tRPC, provisioning, WAHA webhook, HMAC route, QR fetch, SSE, React. Baselines from the same run talk
// to the same simulator directly (create + poll until a QR; expire + poll until the code changes).
// Run: npx next build && npx tsx bench/chips.ts [runs]   (writes its section of bench/RESULTS.md)
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Page } from "@playwright/test";
import { chipInstance, simulatorFor } from "../e2e/fixtures/simulator";
import { signUp, startBench, stopBench } from "./chips-harness";
import { writeResultsSection } from "./results-file";
import { ms, summarize as stats, type Stats } from "./stats";

const RUNS = Math.min(Math.max(Number(process.argv[2] ?? 20), 20), 100);
const PORT = 4610;
const TIME_SCALE = 1;
const ROTATIONS_PER_CHIP = 5; // WAHA issues 6 codes per session; the 7th expiry fails it.
const DEADLINE_MS = 10 * 60_000;
const started = Date.now();
const withinDeadline = () => Date.now() - started < DEADLINE_MS;


async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const qrSrc = (page: Page) => page.getByTestId("chip-qr").getAttribute("src");

async function addChipAndWaitForQr(page: Page, port: number, label: string): Promise<{ ms: number; chipId: string }> {
  await page.goto(`http://localhost:${port}/chips`);
  await page.getByLabel("Nome do chip").fill(label);
  const ms = await timeIt(async () => {
    await page.getByRole("button", { name: "Adicionar chip" }).click();
    await page.getByTestId("chip-qr").waitFor({ state: "visible", timeout: 30_000 });
  });
  return { ms, chipId: new URL(page.url()).pathname.split("/").pop()! };
}

async function rotateAndWaitForNewQr(page: Page, chipId: string): Promise<number> {
  const sim = await simulatorFor(chipId);
  const before = await qrSrc(page);
  return timeIt(async () => {
    await sim.expireQr();
    await page.waitForFunction((old) => document.querySelector("[data-testid=chip-qr]")?.getAttribute("src") !== old, before, {
      timeout: 10_000,
      polling: "raf",
    });
  });
}

/** The same two paths straight against WAHA: no whago, no browser; polling as fast as a client reasonably would. */
async function directBaselines(baseUrl: string, apiKey: string, runs: number) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { "X-Api-Key": apiKey, Accept: "application/json", "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    return res.status === 200 || res.status === 201 ? ((await res.json().catch(() => null)) as Record<string, unknown> | null) : null;
  };
  const pollUntil = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 3_000 && !(await check()); i++) await new Promise((r) => setTimeout(r, 5));
  };
  const create: number[] = [];
  const rotate: number[] = [];
  for (let i = 0; i < runs && withinDeadline(); i++) {
    const name = `bench_base_${i}`;
    create.push(
      await timeIt(async () => {
        await call("POST", "/api/sessions", { name, start: true });
        await pollUntil(async () => (await call("GET", `/api/sessions/${name}`))?.status === "SCAN_QR_CODE");
        await call("GET", `/api/${name}/auth/qr`);
      }),
    );
    for (let r = 0; r < ROTATIONS_PER_CHIP && rotate.length < runs; r++) {
      const old = (await call("GET", `/api/${name}/auth/qr?format=raw`))?.value;
      rotate.push(
        await timeIt(async () => {
          await call("POST", `/_sim/sessions/${name}/expire-qr`);
          await pollUntil(async () => (await call("GET", `/api/${name}/auth/qr?format=raw`))?.value !== old);
        }),
      );
    }
    await call("DELETE", `/api/sessions/${name}`);
  }
  return { create: stats(create), rotate: stats(rotate) };
}

async function main() {
  const env = await startBench({ port: PORT, timeScale: TIME_SCALE });
  try {
    const page = await env.browser.newPage();
    await signUp(page, PORT);
    // Warm-up chip: starts the user's instance, so every timed add runs on a warm one.
    const warm = await addChipAndWaitForQr(page, PORT, "warm-up");
    const add: number[] = [];
    const rotate: number[] = [];
    for (let i = 0; i < RUNS && withinDeadline(); i++) {
      const { ms, chipId } = await addChipAndWaitForQr(page, PORT, `bench ${i}`);
      add.push(ms);
      for (let r = 0; r < ROTATIONS_PER_CHIP && rotate.length < RUNS; r++) rotate.push(await rotateAndWaitForNewQr(page, chipId));
      await page.request.post(`http://localhost:${PORT}/api/trpc/chip.remove`, { data: { json: { chipId } } });
    }
    const { baseUrl, apiKey } = await chipInstance(warm.chipId);
    const base = await directBaselines(baseUrl, apiKey, RUNS);
    await writeSection({ add: stats(add), rotate: stats(rotate), base });
  } finally {
    await stopBench(env);
  }
}

async function writeSection(r: { add: Stats; rotate: Stats; base: { create: Stats; rotate: Stats } }) {
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const cores = (await promisify(execFile)("nproc")).stdout.trim();
  const section = await writeResultsSection("chips", [
    "## Chips: add chip → QR in the browser, QR rotation → new QR in the browser",
    "",
    `Command: \`npx next build && npx tsx bench/chips.ts ${RUNS}\` (simulator as local processes at WAHA_SIM_TIME_SCALE=${TIME_SCALE},`,
    `so each add includes WAHA's ${1_500 * TIME_SCALE} ms STARTING phase; ${new Date().toISOString().slice(0, 10)}; ${process.version}, ${cores} cores).`,
    "Add = click “Adicionar chip” until the QR image is visible, on a user whose instance already runs; rotation = the",
    "simulator's expire-qr until the browser shows the new image (webhook → HMAC route → QR fetch → SSE → React).",
    "Baselines talk to the same simulator directly, polling every 5 ms.",
    "",
    "| measure | median | p95 | runs | ratio to baseline |",
    "|---|---|---|---|---|",
    `| add chip → QR visible in the browser | ${ms(r.add.median)} | ${ms(r.add.p95)} | ${r.add.n} | ${ratio(r.add.median, r.base.create.median)} |`,
    `| baseline: create session → poll until SCAN_QR_CODE → GET QR | ${ms(r.base.create.median)} | ${ms(r.base.create.p95)} | ${r.base.create.n} | |`,
    `| QR rotation → new QR in the browser | ${ms(r.rotate.median)} | ${ms(r.rotate.p95)} | ${r.rotate.n} | ${ratio(r.rotate.median, r.base.rotate.median)} |`,
    `| baseline: expire-qr → poll until the raw code changes | ${ms(r.base.rotate.median)} | ${ms(r.base.rotate.p95)} | ${r.base.rotate.n} | |`,
  ]);
  console.log(section);
}

await main();
process.exit(0);
