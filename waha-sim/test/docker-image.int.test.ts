import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import { fileURLToPath } from "node:url";
import Docker from "dockerode";
import { describe, expect, it } from "vitest";
import { waitFor } from "./support/wait";

const SOCKET = "/var/run/docker.sock";
const hasDocker = existsSync(SOCKET);
// CI always starts dockerd (scripts/start-services.sh): there a missing engine fails the file instead of skipping it.
if (!hasDocker && process.env.CI === "true") throw new Error(`The waha-sim image test must run in CI: no Docker socket at ${SOCKET}`);
if (!hasDocker) console.warn(`[waha-sim] skipping the image test: no Docker socket at ${SOCKET}`);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe.skipIf(!hasDocker)("docker image", () => {
  it("builds without a registry and answers /ping on 127.0.0.1 with host networking", async () => {
    const tag = "whago/waha-sim:int-test";
    const script = fileURLToPath(new URL("../build-image.sh", import.meta.url));
    const build = spawnSync("bash", [script, tag], { encoding: "utf8", timeout: 60_000 });
    expect(build.status, build.stderr).toBe(0);

    const docker = new Docker({ socketPath: SOCKET });
    const port = await freePort();
    const container = await docker.createContainer({
      Image: tag,
      Env: [`WHATSAPP_API_PORT=${port}`, "WHATSAPP_API_HOSTNAME=127.0.0.1", "WAHA_API_KEY=image-test-key-9d8c7b"],
      HostConfig: { NetworkMode: "host", AutoRemove: false },
      Labels: { "whago.test": "waha-sim" },
    });
    try {
      await container.start();
      const pong = await waitFor(async () => {
        try {
          const response = await fetch(`http://127.0.0.1:${port}/ping`, { signal: AbortSignal.timeout(1_000) });
          return (await response.json()) as { message: string };
        } catch {
          return undefined;
        }
      }, "container /ping", 20_000);
      expect(pong).toEqual({ message: "pong" });
      const unauthorized = await fetch(`http://127.0.0.1:${port}/api/sessions`);
      expect(unauthorized.status).toBe(401);
    } finally {
      await container.remove({ force: true });
      await docker.getImage(tag).remove().catch(() => undefined);
    }
  });
});
