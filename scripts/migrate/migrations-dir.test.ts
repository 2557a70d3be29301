import { describe, expect, it } from "vitest";
import { migrationTimestamp, normaliseMigrationName } from "./migrations-dir";

describe("migrationTimestamp", () => {
  it("gives the UTC yyyymmddhhmmss prefix Prisma uses", () => {
    expect(migrationTimestamp(new Date("2025-03-04T05:06:07.890Z"))).toBe("20250304050607");
  });
});

describe("normaliseMigrationName", () => {
  it("turns free text into a lower-case snake-case folder name", () => {
    expect(normaliseMigrationName("  Add Chip status-reason! ")).toBe("add_chip_status_reason");
  });

  it("rejects a name with nothing usable in it", () => {
    expect(() => normaliseMigrationName(" -- ")).toThrow(/Invalid migration name/);
  });
});
