// Free of settings imports, so a test can load it before it sets process.env.
/** Polls until `read` returns a truthy value; bounded in attempts, so a broken feature fails instead of hanging. */
export async function eventually<T>(read: () => Promise<T | null | undefined | false>, what: string, attempts = 200): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const value = await read();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}
