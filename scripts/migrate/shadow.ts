// Shadow databases: an empty scratch database the engine replays the migrations into, to learn what they build.
import { randomUUID } from "node:crypto";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { IN_MEMORY, startEmbeddedPostgres } from "../embedded-postgres";
import { afterDispose, connectPg, queryScalar } from "./adapter";

export interface ShadowOptions {
  databaseUrl: string;
  /** A database dedicated to being the shadow; it is wiped on use. */
  shadowDatabaseUrl?: string;
}

export const isPgliteVersion = (version: string) => /PGlite/i.test(version);

export async function connectShadowDatabase({ databaseUrl, shadowDatabaseUrl }: ShadowOptions): Promise<SqlDriverAdapter> {
  if (shadowDatabaseUrl) return connectPg(shadowDatabaseUrl);
  const admin = await connectPg(databaseUrl);
  let version: unknown;
  try {
    version = await queryScalar(admin, "SELECT version()");
  } catch (error) {
    await admin.dispose();
    throw error;
  }
  // PGlite serves one database whatever name a client asks for, so a "temporary database" there would be the
  // real one: give it a second, in-memory PGlite instead.
  if (isPgliteVersion(String(version))) {
    await admin.dispose();
    return connectInMemoryShadow();
  }
  return createTemporaryShadow(admin, databaseUrl);
}

async function connectInMemoryShadow(): Promise<SqlDriverAdapter> {
  const embedded = await startEmbeddedPostgres({ dataDir: IN_MEMORY, port: 0, log: () => {} });
  try {
    return afterDispose(await connectPg(embedded.url), embedded.close);
  } catch (error) {
    await embedded.close();
    throw error;
  }
}

/** Takes ownership of `admin`: it is disposed when the shadow is, or on failure. */
async function createTemporaryShadow(admin: SqlDriverAdapter, databaseUrl: string): Promise<SqlDriverAdapter> {
  const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll("-", "")}`;
  try {
    await admin.executeScript(`CREATE DATABASE "${name}"`);
  } catch (error) {
    await admin.dispose();
    throw new Error(
      `Could not create a temporary shadow database (${(error as Error).message}). ` +
        "Grant the role CREATEDB, or set SHADOW_DATABASE_URL to an empty database used only for this.",
      { cause: error },
    );
  }
  const dropShadow = async () => {
    try {
      await admin.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
    } finally {
      await admin.dispose();
    }
  };
  try {
    const shadow = await connectPg(databaseUrl, name);
    const connectedTo = await queryScalar(shadow, "SELECT current_database()");
    if (connectedTo !== name) {
      await shadow.dispose();
      throw new Error(`Shadow connection reached "${String(connectedTo)}" instead of "${name}"; refusing to use it.`);
    }
    // The shadow pool must be closed before the DROP, or PostgreSQL refuses to drop a database in use.
    return afterDispose(shadow, dropShadow);
  } catch (error) {
    await dropShadow();
    throw error;
  }
}
