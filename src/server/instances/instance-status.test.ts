import { describe, expect, it } from "vitest";
import { shortReason, statusForStep } from "./instance-status";

describe("statusForStep", () => {
  it("maps each provisioning step to the status the UI shows", () => {
    expect(["creating", "starting", "waiting_ready", "ready", "failed"].map((s) => statusForStep(s as never))).toEqual(
      ["CREATING", "STARTING", "WAITING_READY", "READY", "FAILED"],
    );
  });
});

describe("shortReason", () => {
  it("keeps short reasons and cuts long ones", () => {
    expect(shortReason("boom")).toBe("boom");
    expect(shortReason(undefined)).toBeNull();
    expect(shortReason("x".repeat(50), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
