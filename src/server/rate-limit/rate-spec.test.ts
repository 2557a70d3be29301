import { describe, expect, it } from "vitest";
import { describeRate, parseRate } from "./rate-spec";

describe("parseRate", () => {
  it("reads count and window in every unit", () => {
    expect(parseRate("5/15m")).toEqual({ tokens: 5, windowMs: 900_000 });
    expect(parseRate("120/1h")).toEqual({ tokens: 120, windowMs: 3_600_000 });
    expect(parseRate("3/500ms")).toEqual({ tokens: 3, windowMs: 500 });
    expect(parseRate("1/2d")).toEqual({ tokens: 1, windowMs: 172_800_000 });
    expect(parseRate("10/30s")).toEqual({ tokens: 10, windowMs: 30_000 });
  });

  it("rejects malformed specs instead of guessing", () => {
    for (const bad of ["5", "0/1m", "5/0m", "5/15", "5 / 15m", "5/15y", "-1/1m"]) {
      expect(() => parseRate(bad)).toThrow(/Invalid rate/);
    }
  });
});

describe("describeRate", () => {
  it("uses the largest whole unit", () => {
    expect(describeRate({ tokens: 5, windowMs: 900_000 })).toBe("5 per 15 min");
    expect(describeRate({ tokens: 20, windowMs: 3_600_000 })).toBe("20 per 1 h");
    expect(describeRate({ tokens: 2, windowMs: 1_500 })).toBe("2 per 1500 ms");
  });
});
