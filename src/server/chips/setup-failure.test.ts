import { describe, expect, it } from "vitest";
import { setupFailureReason } from "./setup-failure";

describe("setupFailureReason", () => {
  it("gives the user one short line per phase, different for each", () => {
    const reasons = (["instance", "session"] as const).map(setupFailureReason);
    for (const reason of reasons) {
      expect(reason).toMatch(/^Could not set up the chip: .+ Try again\.$/);
      expect(reason).not.toContain("\n");
      expect(reason.length).toBeLessThan(120);
    }
    expect(new Set(reasons).size).toBe(2);
  });
});
