// Opens the schema engine on a database for the length of one command and releases every connection afterwards.
import { openSchemaEngine, runEngineCall, type SchemaEngine } from "./engine";
import { createMigrationAdapterFactory } from "./adapter-factory";
import type { ShadowOptions } from "./shadow";

export type DatabaseOptions = ShadowOptions;

/** The engine's calls, each wrapped so a Rust panic arrives as a readable error. */
export type EngineCalls = Pick<SchemaEngine, "applyMigrations" | "diff" | "diagnoseMigrationHistory">;

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

export async function withSchemaEngine<T>(options: DatabaseOptions, run: (engine: EngineCalls) => Promise<T>): Promise<T> {
  const { factory, disposeAll } = createMigrationAdapterFactory(options);
  const engine = await openSchemaEngine(factory).catch(async (error: unknown) => {
    await disposeAll();
    throw error;
  });
  const calls: EngineCalls = {
    applyMigrations: (input) => runEngineCall(() => engine.applyMigrations(input)),
    diff: (input) => runEngineCall(() => engine.diff(input)),
    diagnoseMigrationHistory: (input) => runEngineCall(() => engine.diagnoseMigrationHistory(input)),
  };
  try {
    return await run(calls);
  } finally {
    engine.free();
    await disposeAll();
  }
}
