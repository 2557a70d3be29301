// The WAHA simulator as the runtimes' integration tests use it: its bundle and its local image, built on demand.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { promisify } from "node:util";
import type Docker from "dockerode";
import { SIMULATOR_BUNDLE } from "../simulator-bundle";

const run = promisify(execFile);
export const SIMULATOR_IMAGE = "whago/waha-sim:local";

export async function simulatorBundle(): Promise<string> {
  const bundle = resolve(SIMULATOR_BUNDLE);
  if (!existsSync(bundle)) await run(process.execPath, [resolve("waha-sim/build.mjs")], { timeout: 120_000 });
  return bundle;
}

export async function simulatorImage(docker: Docker): Promise<string> {
  const present = await docker
    .getImage(SIMULATOR_IMAGE)
    .inspect()
    .then(() => true)
    .catch(() => false);
  if (!present) await run("bash", [resolve("waha-sim/build-image.sh")], { timeout: 300_000 });
  return SIMULATOR_IMAGE;
}
