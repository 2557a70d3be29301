// Cold ensure (nothing → ready) and warm ensure (already running) for both WAHA runtimes, against the simulator.
// Baselines from the same run: a bare /ping round trip, and spawning `node -e 0` (the floor of any cold start).
// Run: npx tsx bench/runtimes.ts [runs]   (writes its section of bench/RESULTS.md)
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { randomToken } from "~/server/crypto/random";
import { type RuntimeFixture, dockerFixture, processFixture } from "~/server/waha/runtime/testing/runtime-fixtures";
import { writeResultsSection } from "./results-file";
import { ms, type Stats, summarize } from "./stats";

const RUNS = Math.min(Math.max(Number(process.argv[2] ?? 10), 10), 100);
const DEADLINE_MS = 10 * 60_000;
const started = Date.now();

/** Times `once`; the clean-up it may return runs outside the measurement. */
async function sample(runs: number, once: () => Promise<unknown>): Promise<Stats> {
  const times: number[] = [];
  for (let i = 0; i < runs && Date.now() - started < DEADLINE_MS; i++) {
    const t0 = performance.now();
    const cleanUp = await once();
    times.push(performance.now() - t0);
    if (typeof cleanUp === "function") await cleanUp();
  }
  return summarize(times);
}

async function benchRuntime(fixture: RuntimeFixture) {
  const reason = await fixture.unavailableReason();
  if (reason) return { kind: fixture.kind, skipped: reason } as const;
  await fixture.setup();
  const runtime = fixture.create();
  const newSpec = () => ({ userId: randomUUID(), instanceId: randomUUID(), apiKey: randomToken(32) });
  try {
    const cold = await sample(RUNS, async () => {
      const spec = newSpec();
      await runtime.ensureRunning(spec);
      return () => runtime.remove(spec.userId, { purgeData: true });
    });
    const spec = newSpec();
    const { baseUrl } = await runtime.ensureRunning(spec);
    const warm = await sample(RUNS * 2, () => runtime.ensureRunning(spec));
    const ping = await sample(RUNS * 2, async () => (await fetch(`${baseUrl}/ping`)).text());
    return { kind: fixture.kind, cold, warm, ping } as const;
  } finally {
    await fixture.cleanup();
  }
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;

async function main() {
  const run = promisify(execFile);
  const spawnBaseline = await sample(RUNS, () => run(process.execPath, ["-e", "0"]));
  const results = [];
  for (const fixture of [processFixture(), dockerFixture()]) results.push(await benchRuntime(fixture));

  const rows = results.flatMap((r) =>
    "skipped" in r
      ? [`| ${r.kind} | skipped: ${r.skipped} | | | |`]
      : [
          `| ${r.kind} | cold ensure → ready | ${ms(r.cold.median)} | ${ms(r.cold.p95)} | ${r.cold.n} | ${ratio(r.cold.median, spawnBaseline.median)} node spawn |`,
          `| ${r.kind} | warm ensure | ${ms(r.warm.median)} | ${ms(r.warm.p95)} | ${r.warm.n} | ${ratio(r.warm.median, r.ping.median)} /ping |`,
          `| ${r.kind} | baseline: /ping round trip | ${ms(r.ping.median)} | ${ms(r.ping.p95)} | ${r.ping.n} | |`,
        ],
  );
  const section = await writeResultsSection("runtimes", [
    "## WAHA runtimes: ensure → ready",
    "",
    `Command: \`npx tsx bench/runtimes.ts ${RUNS}\` (simulator at WAHA_SIM_TIME_SCALE=0.05; ${new Date().toISOString().slice(0, 10)};`,
    `${process.version}, ${(await run("nproc")).stdout.trim()} cores). Cold = create, start and wait for /ping plus an`,
    "authenticated call (the removal after each run is not timed); warm = ensure on a running instance (inspect + readiness probe).",
    "",
    "| runtime | measure | median | p95 | runs | ratio to baseline |",
    "|---|---|---|---|---|---|",
    `| — | baseline: spawn \`node -e 0\` | ${ms(spawnBaseline.median)} | ${ms(spawnBaseline.p95)} | ${spawnBaseline.n} | |`,
    ...rows,
  ]);
  console.log(section);
}

await main();
process.exit(0);
