import { describe, expect, it } from "vitest";
import { createProcessRuntime } from "./process";

const options = { args: [], dataDir: "/nonexistent", engine: "NOWEB", portRange: "3100-3199", readyTimeoutMs: 1_000 };

describe("createProcessRuntime", () => {
  it("refuses a bare command name, which would depend on a PATH lookup", () => {
    expect(() => createProcessRuntime({ ...options, command: "node" })).toThrow(/absolute path, got "node"/);
  });

  it("accepts an absolute command", () => {
    expect(createProcessRuntime({ ...options, command: "/usr/bin/node" }).kind).toBe("process");
  });
});
