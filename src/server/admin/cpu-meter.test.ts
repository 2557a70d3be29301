import { describe, expect, it } from "vitest";
import { cpuPercentBetween, createCpuMeter } from "./cpu-meter";

describe("cpuPercentBetween", () => {
  it("is the CPU seconds used per elapsed second, in percent of one core", () => {
    expect(cpuPercentBetween({ cpuSeconds: 10, atMs: 0 }, { cpuSeconds: 10.5, atMs: 2_000 })).toBeCloseTo(25);
    expect(cpuPercentBetween({ cpuSeconds: 0, atMs: 0 }, { cpuSeconds: 3, atMs: 1_000 })).toBeCloseTo(300);
  });

  it("has no rate when no time passed or the counter went back (a restart in between)", () => {
    expect(cpuPercentBetween({ cpuSeconds: 1, atMs: 5 }, { cpuSeconds: 2, atMs: 5 })).toBeNull();
    expect(cpuPercentBetween({ cpuSeconds: 9, atMs: 0 }, { cpuSeconds: 1, atMs: 1_000 })).toBeNull();
  });
});

describe("createCpuMeter", () => {
  it("rates a reading against the previous one of the same instance only", () => {
    const meter = createCpuMeter({ maxAgeMs: 60_000 });
    expect(meter.record("a", { cpuSeconds: 1, atMs: 0 })).toBeNull();
    expect(meter.record("b", { cpuSeconds: 50, atMs: 500 })).toBeNull();
    expect(meter.record("a", { cpuSeconds: 2, atMs: 10_000 })).toBeCloseTo(10);
  });

  it("ignores a previous reading older than the maximum age", () => {
    const meter = createCpuMeter({ maxAgeMs: 1_000 });
    meter.record("a", { cpuSeconds: 1, atMs: 0 });
    expect(meter.record("a", { cpuSeconds: 2, atMs: 1_001 })).toBeNull();
    expect(meter.record("a", { cpuSeconds: 2.5, atMs: 2_001 })).toBeCloseTo(50);
  });

  it("forgets instances that are no longer retained", () => {
    const meter = createCpuMeter({ maxAgeMs: 60_000 });
    meter.record("a", { cpuSeconds: 1, atMs: 0 });
    meter.record("b", { cpuSeconds: 1, atMs: 0 });
    meter.retainOnly(["b"]);
    expect(meter.record("a", { cpuSeconds: 2, atMs: 1_000 })).toBeNull();
    expect(meter.record("b", { cpuSeconds: 2, atMs: 1_000 })).toBeCloseTo(100);
  });
});
