// Building the simulator's Docker image with waha-sim/build-image.sh (bundle + root filesystem + `docker import`),
// against two baselines from the same run: the esbuild bundle step alone, and `docker import` of a one-file tarball
// (the engine's fixed cost for any import). The target is an image built in CI in under 30 s.
// Run: npx tsx bench/waha-sim-image.ts [runs]   (writes its section of bench/RESULTS.md)
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import Docker from "dockerode";
import { DOCKER_SOCKET, dockerUnavailableReason } from "~/server/waha/runtime/testing/availability";
import { writeResultsSection } from "./results-file";
import { ms, summarize } from "./stats";

const RUNS = Math.min(Math.max(Number(process.argv[2] ?? 3), 3), 10);
const DEADLINE_MS = 10 * 60_000;
const STEP_TIMEOUT_MS = 120_000;
const CI_BOUND_MS = 30_000;
// Own tags: the bench must not replace whago/waha-sim:local under tests that may be using it.
const IMAGE_TAG = "whago/waha-sim:bench";
const TINY_TAG = "whago/bench-tiny-import:bench";
const run = promisify(execFile);
const started = Date.now();

async function timed(command: string, args: string[]): Promise<number> {
  const t0 = performance.now();
  await run(command, args, { timeout: STEP_TIMEOUT_MS });
  return performance.now() - t0;
}

async function main() {
  const docker = new Docker({ socketPath: DOCKER_SOCKET });
  const unavailable = await dockerUnavailableReason(docker);
  if (unavailable) throw new Error(`The image build needs Docker: ${unavailable}`);

  const scratch = await mkdtemp(join(tmpdir(), "whago-bench-image-"));
  const tinyTarball = join(scratch, "tiny.tar");
  await writeFile(join(scratch, "hello"), "hello\n");
  await run("tar", ["-C", scratch, "-cf", tinyTarball, "hello"]);

  // Each import makes a new image: removing it every round (untimed) leaves no untagged images behind.
  const removeImages = async () => {
    for (const tag of [IMAGE_TAG, TINY_TAG]) await docker.getImage(tag).remove().catch(() => undefined);
  };
  const build: number[] = [];
  const bundle: number[] = [];
  const tinyImport: number[] = [];
  try {
    // Interleaved, so a slow moment of the machine weighs on all three measures alike.
    for (let i = 0; i < RUNS && Date.now() - started < DEADLINE_MS; i++) {
      build.push(await timed("bash", ["waha-sim/build-image.sh", IMAGE_TAG]));
      bundle.push(await timed(process.execPath, ["waha-sim/build.mjs"]));
      tinyImport.push(await timed("docker", ["import", tinyTarball, TINY_TAG]));
      await removeImages();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
    await removeImages();
  }

  const [b, s, t] = [summarize(build), summarize(bundle), summarize(tinyImport)];
  const cores = (await run("nproc")).stdout.trim();
  const row = (label: string, x: typeof b, ratio = "") =>
    `| ${label} | ${ms(x.median)} | ${ms(x.min)} | ${ms(x.max)} | ${x.n} | ${ratio} |`;
  const section = await writeResultsSection("waha-sim-image", [
    "## waha-sim: Docker image build",
    "",
    `Command: \`npx tsx bench/waha-sim-image.ts ${RUNS}\` (${new Date().toISOString().slice(0, 10)}; ${process.version},`,
    `${cores} cores; Docker ${(await docker.version()).Version}). Build = \`waha-sim/build-image.sh ${IMAGE_TAG}\`: bundle,`,
    "copy node and the libraries it links into a root filesystem, pipe it to `docker import` (a tag of its own, so the",
    "image tests use is left alone). The three measures run interleaved, once per round.",
    "",
    "| measure | median | min | max | runs | ratio to baseline |",
    "|---|---|---|---|---|---|",
    row("build-image.sh → image", b, `${(b.median / s.median).toFixed(1)}× bundle alone`),
    row("baseline: esbuild bundle alone (`node waha-sim/build.mjs`)", s),
    row("baseline: `docker import` of a one-file tarball", t),
    "",
    `Target: under ${CI_BOUND_MS / 1000} s on CI machines of this kind: ` +
      `slowest build ${ms(b.max)}, ${b.max < CI_BOUND_MS ? "within it." : "OVER it."}`,
  ]);
  console.log(section);
}

await main();
process.exit(0);
