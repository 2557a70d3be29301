// node-postgres driver adapter for the schema engine, with the fixes the wasm engine needs on top of adapter-pg.
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { parse as parseConnectionString } from "pg-connection-string";

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

interface QueryResultLike {
  fields?: { name: string; dataTypeID: number }[];
  rows?: unknown[];
}

/**
 * Adapts catalogue query results to what the engine (written for PostgreSQL up to 17) understands:
 * - pg_catalog's internal `"char"` columns (OID 18, e.g. pg_constraint.contype) are rejected by adapter-pg as an
 *   unsupported type; their values are one-letter strings, so presenting them as text is exact.
 * - PostgreSQL 18 (PGlite) lists NOT NULL constraints in pg_constraint (contype 'n'); the engine panics on that
 *   unknown kind. Nullability also comes from pg_attribute, so dropping those rows loses nothing.
 */
export function adaptCatalogResult<T>(result: T): T {
  const { fields, rows } = (result ?? {}) as QueryResultLike;
  if (!fields || !rows) return result;
  const constraintType = fields.findIndex((field) => field.name === "constraint_type" && field.dataTypeID === PG_CHAR_OID);
  if (constraintType >= 0) {
    const kept = rows.filter((row) => {
      const value = Array.isArray(row) ? row[constraintType] : (row as Record<string, unknown>).constraint_type;
      return value !== "n";
    });
    rows.splice(0, rows.length, ...kept);
  }
  for (const field of fields) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  return result;
}

// One implementation covers all of pg's query() overloads (promise and callback forms).
/* eslint-disable @typescript-eslint/no-explicit-any */
class CharAsTextClient extends pg.Client {
  override query(...args: any[]): any {
    const callback = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) => callback(error, adaptCatalogResult(result));
      return (super.query as (...a: any[]) => any)(...args);
    }
    const pending = (super.query as (...a: any[]) => any)(...args);
    return typeof pending?.then === "function" ? pending.then(adaptCatalogResult) : pending;
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * Pool settings as discrete fields: node-postgres lets a `connectionString` override `database`, so a pool meant
 * for a shadow database could silently open the real one.
 */
export function poolConfig(databaseUrl: string, database?: string): pg.PoolConfig {
  const { database: urlDatabase, port, ssl, host, user, password, options, application_name } =
    parseConnectionString(databaseUrl);
  return {
    host: host ?? undefined,
    port: port ? Number(port) : undefined,
    user,
    password,
    database: database ?? urlDatabase ?? undefined,
    ssl: ssl as pg.PoolConfig["ssl"],
    options,
    application_name: application_name ?? "whago-migrate",
    max: 4,
    Client: CharAsTextClient,
  };
}

/** adapter-pg splits scripts on ";" (breaking `$$` bodies and string literals) and runs the pieces one by one. */
function runScriptsWhole(adapter: SqlDriverAdapter): SqlDriverAdapter {
  // Both members exist on adapter-pg's adapter class but are not part of the SqlDriverAdapter interface.
  const pgAdapter = adapter as unknown as { underlyingDriver(): pg.Pool; onError(error: unknown): never };
  const pool = pgAdapter.underlyingDriver();
  const reportError = pgAdapter.onError.bind(adapter);
  // One simple-protocol query is one implicit transaction: a failing migration leaves nothing half-applied.
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      reportError(error);
    }
  };
  return adapter;
}

export async function connectPg(databaseUrl: string, database?: string): Promise<SqlDriverAdapter> {
  return runScriptsWhole(await new PrismaPg(poolConfig(databaseUrl, database)).connect());
}

/** Runs `cleanup` after the adapter's own dispose (which closes its pool). */
export function afterDispose(adapter: SqlDriverAdapter, cleanup: () => Promise<void>): SqlDriverAdapter {
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    try {
      await dispose();
    } finally {
      await cleanup();
    }
  };
  return adapter;
}

export async function queryScalar(adapter: SqlDriverAdapter, sql: string): Promise<unknown> {
  const result = await adapter.queryRaw({ sql, args: [], argTypes: [] });
  return result.rows[0]?.[0];
}
