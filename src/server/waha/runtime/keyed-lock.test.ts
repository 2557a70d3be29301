import { describe, expect, it } from "vitest";
import { createKeyedLock } from "./keyed-lock";

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("createKeyedLock", () => {
  it("runs work for one key strictly one after another", async () => {
    const withLock = createKeyedLock();
    const trace: string[] = [];
    const job = (name: string) =>
      withLock("user-1", async () => {
        trace.push(`${name}:start`);
        await tick();
        trace.push(`${name}:end`);
      });
    await Promise.all([job("a"), job("b"), job("c")]);
    expect(trace).toEqual(["a:start", "a:end", "b:start", "b:end", "c:start", "c:end"]);
  });

  it("lets different keys overlap", async () => {
    const withLock = createKeyedLock();
    const trace: string[] = [];
    const job = (key: string) =>
      withLock(key, async () => {
        trace.push(`${key}:start`);
        await tick();
        trace.push(`${key}:end`);
      });
    await Promise.all([job("x"), job("y")]);
    expect(trace.slice(0, 2)).toEqual(["x:start", "y:start"]);
  });

  it("keeps going after a failed job and passes its error to the caller", async () => {
    const withLock = createKeyedLock();
    const failed = withLock("k", async () => {
      throw new Error("boom");
    });
    await expect(failed).rejects.toThrow("boom");
    await expect(withLock("k", async () => 42)).resolves.toBe(42);
  });
});
