// Runs before each integration test file: its own database (a copy of the migrated template) and test secrets,
// set before any module reads the settings.
import { randomBytes } from "node:crypto";
import { afterAll } from "vitest";
import { dropDatabase, recreateDatabase, TEMPLATE_DB } from "./databases";

const name = `whago_t_${randomBytes(6).toString("hex")}`;
process.env.DATABASE_URL = await recreateDatabase(name, TEMPLATE_DB);
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64");
process.env.WHAGO_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");

afterAll(async () => {
  const cached = (globalThis as { whagoPrisma?: { $disconnect(): Promise<void> } }).whagoPrisma;
  await cached?.$disconnect();
  await dropDatabase(name);
});
