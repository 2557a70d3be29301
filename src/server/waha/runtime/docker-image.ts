// Makes sure the WAHA image is present: pulled with progress when missing, or a clear error when it cannot be.
import type Docker from "dockerode";
import { AppError } from "~/server/errors";
import { dockerStatusCode } from "./docker-client";
import type { ProgressListener } from "./types";

/** "devlikeapro/waha" → "devlikeapro/waha:latest": without a tag the API would pull every tag. */
export function withDefaultTag(image: string): string {
  const lastSegment = image.slice(image.lastIndexOf("/") + 1);
  return image.includes("@") || lastSegment.includes(":") ? image : `${image}:latest`;
}

type PullEvent = { status?: string; id?: string; error?: string; progressDetail?: { current?: number; total?: number } };

export async function ensureImage(docker: Docker, image: string, onProgress?: ProgressListener): Promise<void> {
  const ref = withDefaultTag(image);
  try {
    await docker.getImage(ref).inspect();
    return;
  } catch (err) {
    if (dockerStatusCode(err) !== 404) throw err;
  }
  onProgress?.({ step: "creating", message: `Pulling image ${ref}` });
  try {
    await pull(docker, ref, onProgress);
  } catch (err) {
    throw new AppError(
      "UPSTREAM_UNAVAILABLE",
      `Image "${ref}" is not available locally and could not be pulled: ${(err as Error).message}`,
      { cause: err },
    );
  }
}

async function pull(docker: Docker, ref: string, onProgress?: ProgressListener): Promise<void> {
  const stream = await docker.pull(ref);
  const layers = new Map<string, { current: number; total: number }>();
  let lastReported = -10;
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(
      stream,
      (err: Error | null, events: PullEvent[]) => {
        const failed = events?.find((e) => e.error)?.error;
        if (err || failed) reject(err ?? new Error(failed));
        else resolve();
      },
      (event: PullEvent) => {
        const { id, progressDetail } = event;
        if (!id || !progressDetail?.total) return;
        layers.set(id, { current: progressDetail.current ?? 0, total: progressDetail.total });
        const sums = [...layers.values()].reduce((a, l) => ({ c: a.c + l.current, t: a.t + l.total }), { c: 0, t: 0 });
        const percent = Math.floor((sums.c / sums.t) * 100);
        // Layers report many times a second; the UI only needs a coarse bar.
        if (percent >= lastReported + 10) {
          lastReported = percent;
          onProgress?.({ step: "creating", message: `Pulling image ${ref}: ${percent}%` });
        }
      },
    );
  });
}
