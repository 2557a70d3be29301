// Loads Prisma's schema engine compiled to WebAssembly (the native binary cannot be downloaded here) and opens it
// on a driver adapter factory.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { ErrorCapturingSqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import * as runtime from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";

export type { SchemaEngine };

class PanicRegistry {
  private message = "";
  get() {
    return this.message;
  }
  set_message(message: string) {
    this.message = `RuntimeError: ${message}`;
  }
  clear() {
    this.message = "";
  }
}

// The wasm runtime reports Rust panics through this global; without it a panic surfaces as an unrelated TypeError.
const panicRegistry = new PanicRegistry();
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry }).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;

let initialised: Promise<void> | undefined;

// Node 20 cannot `import` a .wasm file, so compile it by hand against the package's JavaScript glue module.
async function initialiseRuntime() {
  const glue = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = await readFile(join(dirname(glue), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": withUnrefTimers(runtime) });
  const exports = instance.exports as unknown as { __wbindgen_start: () => void };
  runtime.__wbg_set_wasm(exports);
  exports.__wbindgen_start();
}

/**
 * The engine arms 10 s timers it never clears, which would keep Node (and any in-process caller, such as a test
 * setup) alive after the work is done; unref them so they never hold the process open.
 */
function withUnrefTimers(glue: typeof runtime): WebAssembly.ModuleImports {
  const imports: WebAssembly.ModuleImports = { ...glue };
  for (const [name, value] of Object.entries(glue)) {
    if (!name.startsWith("__wbg_setTimeout_") || typeof value !== "function") continue;
    imports[name] = (...args: unknown[]): unknown => {
      const timer = (value as (...a: unknown[]) => unknown)(...args);
      (timer as { unref?: () => void } | undefined)?.unref?.();
      return timer;
    };
  }
  return imports;
}

/** Engine log lines arrive as JSON strings; only warnings and errors are worth showing. */
function forwardEngineLog(line: string) {
  try {
    const entry = JSON.parse(line) as { level?: string; fields?: { message?: string } };
    if (entry.level === "WARN" || entry.level === "ERROR") console.warn(`[schema-engine] ${entry.fields?.message ?? line}`);
  } catch {
    console.warn(`[schema-engine] ${line}`);
  }
}

export async function openSchemaEngine(
  adapterFactory: ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
): Promise<SchemaEngine> {
  await (initialised ??= initialiseRuntime());
  return runEngineCall(() => runtime.SchemaEngine.new({ datamodels: undefined }, forwardEngineLog, adapterFactory));
}

/** Runs one engine call, turning a Rust panic into an error that carries the panic message. */
export async function runEngineCall<T>(call: () => Promise<T>): Promise<T> {
  panicRegistry.clear();
  try {
    return await call();
  } catch (error) {
    const panic = panicRegistry.get();
    if (panic) throw new Error(`Schema engine panicked: ${panic}`, { cause: error });
    throw error;
  }
}
