import { describe, expect, it } from "vitest";
import { adaptCatalogResult, poolConfig } from "./adapter";

const CHAR = 18;
const TEXT = 25;

describe("adaptCatalogResult", () => {
  it('presents "char" columns as text', () => {
    const result = adaptCatalogResult({ fields: [{ name: "relkind", dataTypeID: CHAR }], rows: [["r"]] });
    expect(result.fields[0]?.dataTypeID).toBe(TEXT);
    expect(result.rows).toEqual([["r"]]);
  });

  it("drops PostgreSQL 18's NOT NULL constraint rows and keeps the others", () => {
    const result = adaptCatalogResult({
      fields: [
        { name: "constraint_name", dataTypeID: TEXT },
        { name: "constraint_type", dataTypeID: CHAR },
      ],
      rows: [
        ["widget_id_not_null", "n"],
        ["widget_price_check", "c"],
      ],
    });
    expect(result.rows).toEqual([["widget_price_check", "c"]]);
  });

  it("leaves results without catalogue columns untouched", () => {
    const result = { fields: [{ name: "constraint_type", dataTypeID: TEXT }], rows: [["n"]] };
    expect(adaptCatalogResult(result)).toEqual({ fields: [{ name: "constraint_type", dataTypeID: TEXT }], rows: [["n"]] });
  });
});

describe("poolConfig", () => {
  it("uses discrete fields so a requested database cannot be overridden by the URL", () => {
    const config = poolConfig("postgresql://app:s3cret@127.0.0.1:5432/whago?application_name=x", "shadow_1");
    expect(config).toMatchObject({ host: "127.0.0.1", port: 5432, user: "app", password: "s3cret", database: "shadow_1" });
    expect(config).not.toHaveProperty("connectionString");
  });

  it("keeps the URL's database when none is requested", () => {
    expect(poolConfig("postgresql://app@localhost/whago").database).toBe("whago");
  });
});
