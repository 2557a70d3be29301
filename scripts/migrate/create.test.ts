import { describe, expect, it } from "vitest";
import { isEmptyMigrationScript } from "./create";

describe("isEmptyMigrationScript", () => {
  it("treats the engine's comment-only answer as empty", () => {
    expect(isEmptyMigrationScript("-- This is an empty migration.\n")).toBe(true);
  });

  it("sees a statement behind comments", () => {
    expect(isEmptyMigrationScript('-- AlterTable\nALTER TABLE "Widget" ADD COLUMN "colour" TEXT;\n')).toBe(false);
  });
});
