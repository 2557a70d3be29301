// Serialises async work per key (one user's instance), so concurrent ensures in one process do not race.

export type KeyedLock = <T>(key: string, work: () => Promise<T>) => Promise<T>;

export function createKeyedLock(): KeyedLock {
  const tails = new Map<string, Promise<unknown>>();
  return async function withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      // Forget the key once nobody queued behind us, so the map does not grow with every user ever seen.
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
