// Refuses a non-local database and makes sure its migrations are applied before the server starts.
import { applyMigrations } from "../scripts/migrate/index";

export default async function globalSetup() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL must point at the e2e database (scripts/test-all.sh sets it).");
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run end-to-end tests against a non-local database (${host}).`);
  }
  await applyMigrations({ databaseUrl: url });
}
