import { createHash } from "node:crypto";

/** The two calls @upstash/ratelimit makes for single-region limits (hset/multi serve features whago leaves off). */
export type ScriptRunner = {
  evalsha(sha: string, keys: string[], args: unknown[]): Promise<unknown>;
  eval(script: string, keys: string[], args: unknown[]): Promise<unknown>;
};

/** The subset of an ioredis client the adapter needs, so tests can pass a fake. */
export type IoredisLike = {
  evalsha(sha: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>;
  eval(script: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>;
};

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/** Redis 7.0 rejects the `flags=` part of the `#!lua flags=allow-key-locking` shebang; `#!lua` alone is fine. */
export function stripShebangFlags(script: string): string {
  return script.replace(/^#!lua[^\n]*/, "#!lua");
}

/**
 * Lets @upstash/ratelimit run its scripts on a self-hosted Redis through ioredis. Ratelimit asks for scripts by the
 * SHA-1 of its original text, which Redis never saw: remember original → stripped SHAs when `eval` runs, and answer
 * NOSCRIPT for any SHA not seen yet so Ratelimit falls back to `eval`, exactly as with a fresh Upstash database.
 */
export function createLuaCompatibleRedis(client: IoredisLike): ScriptRunner {
  const strippedShaByOriginal = new Map<string, string>();
  const flat = (keys: string[], args: unknown[]) => [...keys, ...args.map((a) => (a == null ? "" : String(a)))];

  return {
    async evalsha(sha, keys, args) {
      const stripped = strippedShaByOriginal.get(sha);
      if (!stripped) throw new Error("NOSCRIPT No matching script (not loaded through this adapter yet)");
      return client.evalsha(stripped, keys.length, ...flat(keys, args));
    },
    async eval(script, keys, args) {
      const stripped = stripShebangFlags(script);
      strippedShaByOriginal.set(sha1(script), sha1(stripped));
      return client.eval(stripped, keys.length, ...flat(keys, args));
    },
  };
}
