import type Docker from "dockerode";
import { describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { ensureImage, withDefaultTag } from "./docker-image";
import type { ProvisioningEvent } from "./types";

describe("withDefaultTag", () => {
  it.each([
    ["devlikeapro/waha", "devlikeapro/waha:latest"],
    ["devlikeapro/waha:noweb-2026.7.1", "devlikeapro/waha:noweb-2026.7.1"],
    ["registry.local:5000/waha", "registry.local:5000/waha:latest"],
    ["whago/waha-sim:local", "whago/waha-sim:local"],
    ["waha@sha256:abc", "waha@sha256:abc"],
  ])("%s → %s", (image, expected) => {
    expect(withDefaultTag(image)).toBe(expected);
  });
});

type PullEvent = { status?: string; id?: string; error?: string; progressDetail?: { current?: number; total?: number } };
type FakeEngine = {
  /** What inspecting the image does: resolve (present) or reject with a Docker-like status code. */
  inspect?: () => Promise<unknown>;
  /** What `docker.pull` does before any progress: resolve with a stream or reject. */
  pull?: () => Promise<unknown>;
  /** Events the pull stream emits, in order, then how it ends. */
  events?: PullEvent[];
  finish?: Error | null;
};

/** Just the dockerode surface ensureImage touches, recording what was pulled. */
function fakeDocker(engine: FakeEngine) {
  const pulled: string[] = [];
  const notFound = Object.assign(new Error("No such image"), { statusCode: 404 });
  const docker = {
    getImage: () => ({ inspect: engine.inspect ?? (() => Promise.reject(notFound)) }),
    pull: (ref: string) => {
      pulled.push(ref);
      return engine.pull ? engine.pull() : Promise.resolve({ stream: ref });
    },
    modem: {
      followProgress(_stream: unknown, onFinished: (err: Error | null, events: PullEvent[]) => void, onEvent: (e: PullEvent) => void) {
        const events = engine.events ?? [];
        for (const event of events) onEvent(event);
        onFinished(engine.finish ?? null, events);
      },
    },
  };
  return { docker: docker as unknown as Docker, pulled };
}

const layer = (id: string, current: number, total: number): PullEvent => ({
  status: "Downloading",
  id,
  progressDetail: { current, total },
});

async function failureOf(work: Promise<unknown>): Promise<AppError> {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("ensureImage", () => {
  it("does not pull an image that is present", async () => {
    const { docker, pulled } = fakeDocker({ inspect: () => Promise.resolve({ Id: "sha256:abc" }) });
    const events: ProvisioningEvent[] = [];
    await ensureImage(docker, "devlikeapro/waha", (e) => events.push(e));
    expect(pulled).toEqual([]);
    expect(events).toEqual([]);
  });

  it("pulls a missing image by its tagged name, reporting coarse progress over all layers", async () => {
    const { docker, pulled } = fakeDocker({
      events: [
        { status: "Pulling from devlikeapro/waha" },
        layer("a", 0, 100),
        layer("b", 0, 300),
        layer("a", 50, 100),
        layer("a", 52, 100), // under ten points more: not reported
        layer("b", 150, 300),
        layer("a", 100, 100),
        layer("b", 300, 300),
        { status: "Pull complete", id: "b" },
      ],
    });
    const messages: string[] = [];
    await ensureImage(docker, "devlikeapro/waha", (e) => messages.push(`${e.step}: ${e.message}`));

    expect(pulled).toEqual(["devlikeapro/waha:latest"]);
    expect(messages).toEqual([
      "creating: Pulling image devlikeapro/waha:latest",
      "creating: Pulling image devlikeapro/waha:latest: 0%",
      "creating: Pulling image devlikeapro/waha:latest: 12%",
      "creating: Pulling image devlikeapro/waha:latest: 50%",
      "creating: Pulling image devlikeapro/waha:latest: 62%",
      "creating: Pulling image devlikeapro/waha:latest: 100%",
    ]);
  });

  it("turns a refused pull into a clear error naming the image", async () => {
    const denied = Object.assign(new Error("pull access denied for whago/absent"), { statusCode: 404 });
    const { docker } = fakeDocker({ pull: () => Promise.reject(denied) });
    const err = await failureOf(ensureImage(docker, "whago/absent:none"));
    expect(err.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(err.message).toBe(
      'Image "whago/absent:none" is not available locally and could not be pulled: pull access denied for whago/absent',
    );
    expect(err.cause).toBe(denied);
  });

  it("turns an error event in the pull stream into a clear error naming the image", async () => {
    const { docker } = fakeDocker({ events: [layer("a", 10, 100), { error: "unexpected EOF" }] });
    const err = await failureOf(ensureImage(docker, "devlikeapro/waha:noweb"));
    expect(err.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(err.message).toMatch(/^Image "devlikeapro\/waha:noweb" is not available locally .*: unexpected EOF$/);
  });

  it("turns a broken pull stream into a clear error naming the image", async () => {
    const { docker } = fakeDocker({ finish: new Error("socket hang up") });
    const err = await failureOf(ensureImage(docker, "devlikeapro/waha"));
    expect(err.message).toMatch(/"devlikeapro\/waha:latest".*socket hang up$/);
  });

  it("passes on an engine failure other than a missing image, without pulling", async () => {
    const broken = Object.assign(new Error("engine is shutting down"), { statusCode: 500 });
    const { docker, pulled } = fakeDocker({ inspect: () => Promise.reject(broken) });
    await expect(ensureImage(docker, "devlikeapro/waha")).rejects.toBe(broken);
    expect(pulled).toEqual([]);
  });
});
