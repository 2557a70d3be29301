import { describe, expect, it } from "vitest";
import { formatBytes, formatPercent } from "./format-usage";

describe("formatBytes", () => {
  it("picks the largest binary unit and keeps one decimal only for small values", () => {
    expect(formatBytes(512, "en")).toBe("512 B");
    expect(formatBytes(1536, "en")).toBe("1.5 KB");
    expect(formatBytes(85 * 1024 * 1024, "en")).toBe("85 MB");
    expect(formatBytes(2.25 * 1024 ** 3, "pt-BR")).toBe("2,3 GB");
  });
});

describe("formatPercent", () => {
  it("writes percent of one core in the page's language", () => {
    expect(formatPercent(2.34, "en")).toBe("2.3%");
    expect(formatPercent(2.34, "pt-BR")).toBe("2,3%");
    expect(formatPercent(150, "en")).toBe("150%");
  });
});
