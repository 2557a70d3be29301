// The migration-aware adapter factory handed to the schema engine: the main database plus a way to get a shadow.
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  type SqlDriverAdapter,
} from "@prisma/driver-adapter-utils";
import { connectPg } from "./adapter";
import { connectShadowDatabase, type ShadowOptions } from "./shadow";

export interface MigrationAdapterFactory {
  factory: ErrorCapturingSqlMigrationAwareDriverAdapterFactory;
  /** Disposes every connection the engine opened and has not released. */
  disposeAll: () => Promise<void>;
}

export function createMigrationAdapterFactory(options: ShadowOptions): MigrationAdapterFactory {
  const open = new Set<SqlDriverAdapter>();
  // The engine never disposes its main connection, and that connection holds the session-level advisory lock
  // migrations take: left open, it blocks the next run until the pool's idle timeout.
  const track = (adapter: SqlDriverAdapter) => {
    open.add(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      if (open.delete(adapter)) await dispose();
    };
    return adapter;
  };
  const factory = bindMigrationAwareSqlAdapterFactory({
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: async () => track(await connectPg(options.databaseUrl)),
    connectToShadowDb: async () => track(await connectShadowDatabase(options)),
  });
  const disposeAll = async () => {
    const results = await Promise.allSettled([...open].map((adapter) => adapter.dispose()));
    const failure = results.find((result) => result.status === "rejected");
    if (failure) throw failure.reason;
  };
  return { factory, disposeAll };
}
