// Polling for integration tests. Free of settings imports, so a test can load it before it sets process.env.

export type EventuallyOptions = { attempts?: number; everyMs?: number; timeoutMs?: number };

/**
 * Polls until `read` returns a truthy value and resolves with it. Bounded both in attempts and in time, so a broken
 * feature (or a `read` that itself hangs on slow I/O) fails with `what` in the message instead of hanging the run.
 */
export async function eventually<T>(
  read: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  what = "the condition",
  { attempts = 200, everyMs = 100, timeoutMs = 30_000 }: EventuallyOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; attempt <= attempts && Date.now() < deadline; attempt++) {
    const value = await read();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`gave up waiting for ${what} (${attempts} attempts, ${timeoutMs} ms at most)`);
}
