import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { startContractFixture, type ContractFixture } from "./contract-fixture";

/** Registers the simulator's lifecycle in the calling test file; every test fails on an OpenAPI violation. */
export function contractSimulatorForFile(options: Parameters<typeof startContractFixture>[0] = {}): () => ContractFixture {
  let fixture: ContractFixture | undefined;
  beforeAll(async () => {
    fixture = await startContractFixture(options);
  });
  afterEach(() => {
    expect(fixture?.takeProblems() ?? [], "answers that break WAHA's OpenAPI document").toEqual([]);
  });
  afterAll(async () => {
    const validated = fixture?.contract.checks.filter((c) => c.validated).length ?? 0;
    await fixture?.close();
    // Guards the hook itself: a file whose answers never reached the validator proves nothing.
    expect(validated, "answers checked against the OpenAPI document").toBeGreaterThan(0);
  });
  return () => {
    if (!fixture) throw new Error("The contract fixture is used outside a test.");
    return fixture;
  };
}
