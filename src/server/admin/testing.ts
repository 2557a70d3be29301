// Accounts and rows for the operator tests; emails are random so tests sharing a database never collide.
import { randomUUID } from "node:crypto";
import { createAccount } from "~/server/accounts/create-account";
import { randomToken, seal } from "~/server/crypto";
import { db } from "~/server/db";
import type { ChipStatus, RuntimeKind } from "~/generated/prisma/enums";

export const TEST_PASSWORD = "operator-test-password";

export async function createTestAccount({ admin = false } = {}) {
  const user = await createAccount({ name: "Tester", email: `admin.${randomUUID()}@example.com`, password: TEST_PASSWORD });
  if (admin) await db.user.update({ where: { id: user.id }, data: { role: "ADMIN" } });
  return user;
}

/** An instance row only: nothing runs behind it. */
export async function createInstanceRow(userId: string, runtime: RuntimeKind = "PROCESS", hostPort: number | null = null) {
  return db.wahaInstance.create({
    data: {
      userId,
      runtime,
      hostPort,
      containerName: `waha_user_${userId}`,
      image: "test",
      apiKeyEncrypted: seal(randomToken(32)),
      webhookSecretEncrypted: seal(randomToken(32)),
      status: "READY",
    },
  });
}

export async function createChipRow(userId: string, status: ChipStatus, { proxied = false } = {}) {
  const chip = await db.chip.create({
    data: { userId, label: "Vendas", sessionName: `chip_${randomUUID()}`, status, fingerprint: {} },
  });
  if (proxied) {
    await db.proxyAssignment.create({
      data: { userId, chipId: chip.id, kind: "FIXED", host: "127.0.0.1", port: 1, username: "u", passwordEncrypted: seal("p") },
    });
  }
  return chip;
}
