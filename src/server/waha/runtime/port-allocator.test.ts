import { describe, expect, it } from "vitest";
import { parsePortRange, pickFreePort } from "./port-allocator";

describe("parsePortRange", () => {
  it("reads an increasing range", () => {
    expect(parsePortRange("3100-3999")).toEqual({ from: 3100, to: 3999 });
  });
  it.each(["3999-3100", "80-90", "3100", "3100-70000", "a-b"])("rejects %s", (text) => {
    expect(() => parsePortRange(text)).toThrow(/Invalid WAHA port range/);
  });
});

describe("pickFreePort", () => {
  const range = { from: 3100, to: 3104 };

  it("skips ports that instances claim and ports something already listens on", async () => {
    const busy = new Set([3101]);
    const port = await pickFreePort({ range, taken: new Set([3100, 3102]), isFree: async (p) => !busy.has(p) });
    expect(port).toBe(3103);
  });

  it("fails clearly when the range is exhausted", async () => {
    await expect(pickFreePort({ range, taken: new Set(), isFree: async () => false })).rejects.toThrow(
      "No free WAHA port left in 3100-3104.",
    );
  });
});
