// Prisma CLI settings. The datasource is optional so `prisma generate` works without DATABASE_URL; migrations are
// applied by scripts/migrate (WebAssembly schema engine), or by `prisma migrate deploy` where the native engine exists.
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL;
const shadowDatabaseUrl = process.env.SHADOW_DATABASE_URL;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  ...(url ? { datasource: { url, ...(shadowDatabaseUrl ? { shadowDatabaseUrl } : {}) } } : {}),
});
