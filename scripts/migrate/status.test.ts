import { describe, expect, it } from "vitest";
import { summariseHistory } from "./status";

const names = ["20250101000000_a", "20250102000000_b"];
const clean = { editedMigrationNames: [], failedMigrationNames: [], hasMigrationsTable: true, history: null };

describe("summariseHistory", () => {
  it("counts every migration as pending before the migrations table exists", () => {
    expect(summariseHistory(names, { ...clean, hasMigrationsTable: false }).pending).toEqual(names);
  });

  it("reports the engine's unapplied and unknown migrations", () => {
    const summary = summariseHistory(names, {
      ...clean,
      failedMigrationNames: ["20250101000000_a"],
      history: {
        diagnostic: "historiesDiverge",
        lastCommonMigrationName: null,
        unappliedMigrationNames: ["20250102000000_b"],
        unpersistedMigrationNames: ["20241231000000_elsewhere"],
      },
    });
    expect(summary).toMatchObject({
      pending: ["20250102000000_b"],
      unknownToFolder: ["20241231000000_elsewhere"],
      failed: ["20250101000000_a"],
    });
  });

  it("has nothing pending when the histories match", () => {
    expect(summariseHistory(names, clean)).toMatchObject({ pending: [], unknownToFolder: [] });
  });
});
