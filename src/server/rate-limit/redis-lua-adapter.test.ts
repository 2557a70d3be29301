import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createLuaCompatibleRedis, stripShebangFlags, type IoredisLike } from "./redis-lua-adapter";

const sha1 = (t: string) => createHash("sha1").update(t).digest("hex");
const script = "#!lua flags=allow-key-locking\nreturn redis.call('INCR', KEYS[1])";

function fakeRedis() {
  const calls: { op: string; target: string; rest: unknown[] }[] = [];
  const client: IoredisLike = {
    evalsha: async (sha, numKeys, ...rest) => (calls.push({ op: "evalsha", target: sha, rest: [numKeys, ...rest] }), 1),
    eval: async (text, numKeys, ...rest) => (calls.push({ op: "eval", target: text, rest: [numKeys, ...rest] }), 1),
  };
  return { client, calls };
}

describe("stripShebangFlags", () => {
  it("drops the flags and keeps the body", () => {
    expect(stripShebangFlags(script)).toBe("#!lua\nreturn redis.call('INCR', KEYS[1])");
    expect(stripShebangFlags("return 1")).toBe("return 1");
  });
});

describe("createLuaCompatibleRedis", () => {
  it("answers NOSCRIPT for an unseen SHA, so Ratelimit falls back to eval", async () => {
    const { client, calls } = fakeRedis();
    await expect(createLuaCompatibleRedis(client).evalsha(sha1(script), ["k"], [1])).rejects.toThrow(/NOSCRIPT/);
    expect(calls).toEqual([]);
  });

  it("evals the stripped script, then maps the original SHA to the stripped one", async () => {
    const { client, calls } = fakeRedis();
    const redis = createLuaCompatibleRedis(client);
    await redis.eval(script, ["k1", "k2"], [5, null, "x"]);
    await redis.evalsha(sha1(script), ["k1"], [7]);
    expect(calls).toEqual([
      { op: "eval", target: stripShebangFlags(script), rest: [2, "k1", "k2", "5", "", "x"] },
      { op: "evalsha", target: sha1(stripShebangFlags(script)), rest: [1, "k1", "7"] },
    ]);
  });
});
