import { describe, expect, it } from "vitest";
import { skipReasonOutsideCi } from "./availability";

describe("skipReasonOutsideCi", () => {
  it("passes the reason on outside CI, so the suite is skipped", () => {
    expect(skipReasonOutsideCi("no Docker socket", "Docker tests", {})).toBe("no Docker socket");
    expect(skipReasonOutsideCi("no Docker socket", "Docker tests", { CI: "false" })).toBe("no Docker socket");
  });

  it("fails in CI instead of skipping, naming what could not run and why", () => {
    expect(() => skipReasonOutsideCi("no Docker socket", "Docker tests", { CI: "true" })).toThrow(
      /^Docker tests must run in CI but cannot: no Docker socket\./,
    );
  });

  it("lets an available dependency run everywhere", () => {
    expect(skipReasonOutsideCi(null, "Docker tests", { CI: "true" })).toBeNull();
    expect(skipReasonOutsideCi(null, "Docker tests", {})).toBeNull();
  });
});

