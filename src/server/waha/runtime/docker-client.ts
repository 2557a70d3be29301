// One dockerode client per socket, cached on globalThis so dev reloads do not open new connections.
import Docker from "dockerode";

const cache = globalThis as unknown as { whagoDockerClients?: Map<string, Docker> };

export function getDockerClient(socketPath: string): Docker {
  cache.whagoDockerClients ??= new Map();
  let client = cache.whagoDockerClients.get(socketPath);
  if (!client) {
    client = new Docker({ socketPath });
    cache.whagoDockerClients.set(socketPath, client);
  }
  return client;
}

/** Docker answers 304 for "already in that state" and 404 for "no such object": both mean done for ensure verbs. */
export function dockerStatusCode(err: unknown): number | undefined {
  return (err as { statusCode?: number } | null)?.statusCode;
}

export async function ignoreDockerStatus<T>(work: Promise<T>, ...codes: number[]): Promise<T | undefined> {
  try {
    return await work;
  } catch (err) {
    if (codes.includes(dockerStatusCode(err) ?? -1)) return undefined;
    throw err;
  }
}
