import { describe, expect, it } from "vitest";
import type { InstanceInfo } from "~/server/waha/runtime/types";
import { type DesiredInstance, planReconciliation } from "./reconcile-plan";

const row = (userId: string, wantRunning = true): DesiredInstance => ({
  userId,
  instanceId: `inst-${userId}`,
  apiKey: "k".repeat(43),
  hostPort: 3100,
  wantRunning,
});
const found = (userId: string, state: InstanceInfo["state"] = "running"): InstanceInfo => ({
  name: `waha_user_${userId}`,
  runtimeId: `c-${userId}`,
  userId,
  instanceId: `inst-${userId}`,
  hostPort: 3100,
  state,
  detail: state,
});

describe("planReconciliation", () => {
  it("ensures every instance a user with chips needs, whether running, stopped or missing", () => {
    const plan = planReconciliation([row("a"), row("b"), row("c")], [found("a"), found("b", "stopped")]);
    expect(plan.map((a) => [a.kind, a.kind === "remove-orphan" ? a.found.userId : a.desired.userId])).toEqual([
      ["ensure", "a"],
      ["ensure", "b"],
      ["ensure", "c"],
    ]);
    expect(plan.find((a) => a.kind === "ensure" && a.desired.userId === "c")).toMatchObject({ found: null });
  });

  it("only observes instances of users without chips", () => {
    expect(planReconciliation([row("a", false)], [found("a", "stopped")])).toEqual([
      { kind: "observe", desired: row("a", false), found: found("a", "stopped") },
    ]);
  });

  it("removes labelled instances no user row wants, before anything else", () => {
    const plan = planReconciliation([row("a")], [found("a"), found("gone")]);
    expect(plan[0]).toEqual({ kind: "remove-orphan", found: found("gone") });
    expect(plan).toHaveLength(2);
  });

  it("does not call a replaced instance of an existing user an orphan", () => {
    const stale = { ...found("a"), instanceId: "an-older-instance" };
    expect(planReconciliation([row("a")], [stale]).map((a) => a.kind)).toEqual(["ensure"]);
  });
});
