// Host ports for WAHA instances: the lowest port of the range that no instance claims and nothing listens on.
import { createServer } from "node:net";
import { AppError } from "~/server/errors";

export type PortRange = { from: number; to: number };

export function parsePortRange(text: string): PortRange {
  const match = /^(\d+)-(\d+)$/.exec(text.trim());
  const from = Number(match?.[1]);
  const to = Number(match?.[2]);
  if (!match || from < 1024 || to > 65535 || from > to) {
    throw new AppError("BAD_REQUEST", `Invalid WAHA port range "${text}": expected e.g. 3100-3999.`);
  }
  return { from, to };
}

export type PickPortOptions = {
  range: PortRange;
  taken: ReadonlySet<number>;
  isFree: (port: number) => Promise<boolean>;
};

export async function pickFreePort({ range, taken, isFree }: PickPortOptions): Promise<number> {
  for (let port = range.from; port <= range.to; port++) {
    if (taken.has(port)) continue;
    if (await isFree(port)) return port;
  }
  throw new AppError("CONFLICT", `No free WAHA port left in ${range.from}-${range.to}.`);
}

/** True when nothing listens on 127.0.0.1:port right now (a probe, not a reservation). */
export function isLoopbackPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * Hands out ports one caller at a time and remembers them until released, so two instances provisioned
 * concurrently in this process never get the same port even before either has started listening.
 */
export function createPortReservations() {
  const reserved = new Set<number>();
  let queue: Promise<unknown> = Promise.resolve();

  function reserve(range: PortRange, claimed: () => Promise<Iterable<number>>): Promise<number> {
    const next = queue.then(async () => {
      const taken = new Set([...reserved, ...(await claimed())]);
      const port = await pickFreePort({ range, taken, isFree: isLoopbackPortFree });
      reserved.add(port);
      return port;
    });
    queue = next.catch(() => undefined);
    return next;
  }

  return { reserve, release: (port: number) => void reserved.delete(port) };
}
export type PortReservations = ReturnType<typeof createPortReservations>;
