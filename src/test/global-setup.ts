// Integration tests: migrate a fresh template database once; each test file then gets its own copy of it.
import { applyMigrations } from "../../scripts/migrate/index";
import { adminUrl, assertLocalDatabase, recreateDatabase, TEMPLATE_DB, withAdmin } from "./databases";

export default async function setup() {
  assertLocalDatabase(adminUrl());
  const url = await recreateDatabase(TEMPLATE_DB);
  await applyMigrations({ databaseUrl: url });
  // A template must have no open connections when it is copied.
  await withAdmin((c) =>
    c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [
      TEMPLATE_DB,
    ]),
  );
}
