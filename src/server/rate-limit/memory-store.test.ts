import { describe, expect, it } from "vitest";
import { createMemoryStore } from "./memory-store";

const rate = { tokens: 3, windowMs: 1_000 };

describe("createMemoryStore", () => {
  it("allows `tokens` hits per window, then refuses until the window ends", async () => {
    let clock = 10_000;
    const store = createMemoryStore(() => clock);
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await store.hit({ limitName: "l", key: "a", rate }));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0, 0]);
    expect(results[3]).toMatchObject({ limit: 3, resetAt: 11_000 });

    clock = 11_000;
    expect(await store.hit({ limitName: "l", key: "a", rate })).toMatchObject({ allowed: true, remaining: 2 });
  });

  it("keeps keys and limits apart", async () => {
    const store = createMemoryStore(() => 5_000);
    for (let i = 0; i < 3; i++) await store.hit({ limitName: "l", key: "a", rate });
    expect((await store.hit({ limitName: "l", key: "a", rate })).allowed).toBe(false);
    expect((await store.hit({ limitName: "l", key: "b", rate })).allowed).toBe(true);
    expect((await store.hit({ limitName: "other", key: "a", rate })).allowed).toBe(true);
  });
});
