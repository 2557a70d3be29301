// Users and chips for proxy tests, written straight to the database (chip provisioning is not under test here).
import { randomUUID } from "node:crypto";
import { db } from "~/server/db";
import type { ProxySettings } from "../proxy-settings";

export async function createUser(proxyQuota: number | null = null): Promise<string> {
  const user = await db.user.create({
    data: { name: "Proxy Tester", email: `proxy.${randomUUID()}@example.com`, passwordHash: "x", proxyQuota },
  });
  return user.id;
}

export async function createChips(userId: string, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await db.chip.createMany({
    data: ids.map((id) => ({ id, userId, label: `chip ${id.slice(0, 4)}`, sessionName: `chip_${id}`, fingerprint: {} })),
  });
  return ids;
}

export function testSettings(overrides: Partial<ProxySettings> = {}): ProxySettings {
  return {
    gateway: null,
    fixed: [],
    quotaDefault: 10,
    checkIntervalMs: 60_000,
    checkTarget: null,
    failureThreshold: 3,
    ...overrides,
  };
}
