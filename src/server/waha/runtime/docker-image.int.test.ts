// The Docker runtime against the real engine when its image is missing and cannot be pulled (no registry here).
import { randomBytes } from "node:crypto";
import Docker from "dockerode";
import { afterAll, describe, expect, it } from "vitest";
import { ignoreDockerStatus } from "./docker-client";
import { createDockerRuntime } from "./docker";
import { instanceName, sessionsVolumeName } from "./instance-identity";
import { isLoopbackPortFree } from "./port-allocator";
import { DOCKER_SOCKET, dockerUnavailableReason, skipReasonOutsideCi } from "./testing/availability";
import { newSpec } from "./testing/runtime-behaviour.suite";
import { simulatorImage } from "./testing/simulator-artifacts";

const docker = new Docker({ socketPath: DOCKER_SOCKET });
const unavailable = skipReasonOutsideCi(await dockerUnavailableReason(docker), "The Docker image tests");
if (unavailable) console.warn(`\n!!! SKIPPING the Docker image tests: ${unavailable} !!!\n`);

// A registry on a closed loopback port: the engine's pull is refused at once and nothing leaves the machine.
const absentImage = () => `127.0.0.1:9/whago/absent:${randomBytes(4).toString("hex")}`;
// One port, so a reservation leaked by a failed ensure would leave the next ensure no port at all.
const ONLY_PORT = 21950;
const testRun = `img-${randomBytes(4).toString("hex")}`;
const tagged: string[] = [];

function runtimeFor(image: string) {
  return createDockerRuntime({
    docker,
    image,
    engine: "NOWEB",
    portRange: `${ONLY_PORT}-${ONLY_PORT}`,
    networkMode: "host",
    memoryLimitMb: 256,
    readyTimeoutMs: 30_000,
    env: { WAHA_SIM_TIME_SCALE: "0.05" },
    extraLabels: { "whago.test-run": testRun },
  });
}

async function failedEnsure(runtime: ReturnType<typeof runtimeFor>, spec: ReturnType<typeof newSpec>) {
  const failures: string[] = [];
  const error = await runtime
    .ensureRunning(spec, { onProgress: (e) => e.step === "failed" && failures.push(e.message ?? "") })
    .then(
      () => null,
      (err: unknown) => err,
    );
  return { error, failures };
}

describe.skipIf(!!unavailable)("Docker runtime whose image is missing and cannot be pulled", () => {
  afterAll(async () => {
    const filters = { label: [`whago.test-run=${testRun}`] };
    for (const c of await docker.listContainers({ all: true, filters })) await docker.getContainer(c.Id).remove({ force: true });
    for (const v of (await docker.listVolumes({ filters })).Volumes ?? []) await docker.getVolume(v.Name).remove();
    for (const tag of tagged) await ignoreDockerStatus(docker.getImage(tag).remove(), 404);
  }, 60_000);

  it("fails clearly naming the image, every time, leaving no container, volume or port behind", async () => {
    const image = absentImage();
    await expect(docker.getImage(image).inspect()).rejects.toMatchObject({ statusCode: 404 });
    const runtime = runtimeFor(image);
    const spec = newSpec();

    for (let attempt = 1; attempt <= 2; attempt++) {
      const { error, failures } = await failedEnsure(runtime, spec);
      expect(error, `attempt ${attempt}`).toMatchObject({
        code: "UPSTREAM_UNAVAILABLE",
        message: expect.stringContaining(`Image "${image}" is not available locally and could not be pulled: `),
      });
      expect(failures).toEqual([(error as Error).message]);
    }

    expect(await runtime.inspect(spec.userId)).toBeNull();
    expect(await ignoreDockerStatus(docker.getContainer(instanceName(spec.userId)).inspect(), 404)).toBeUndefined();
    expect(await ignoreDockerStatus(docker.getVolume(sessionsVolumeName(spec.userId)).inspect(), 404)).toBeUndefined();
    expect(await isLoopbackPortFree(ONLY_PORT)).toBe(true);
  });

  it("starts the instance on the range's only port once the image exists: the failure reserved nothing", async () => {
    const image = absentImage();
    const runtime = runtimeFor(image);
    const spec = newSpec();
    expect((await failedEnsure(runtime, spec)).error).toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });

    // The image appears as an operator would load it: the simulator's local image under the missing name.
    const [repo, tag] = [image.slice(0, image.lastIndexOf(":")), image.slice(image.lastIndexOf(":") + 1)];
    await docker.getImage(await simulatorImage(docker)).tag({ repo, tag });
    tagged.push(image);

    const running = await runtime.ensureRunning(spec);
    expect(running.hostPort).toBe(ONLY_PORT);
    await runtime.remove(spec.userId, { purgeData: true });
  }, 120_000);
});
