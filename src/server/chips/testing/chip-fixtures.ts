// Rows and signed deliveries for chip tests; ids are random so tests in one database never collide.
import { randomUUID } from "node:crypto";
import { db } from "~/server/db";
import { randomToken, seal } from "~/server/crypto";
import type { ChipStatus } from "~/generated/prisma/client";
import { signWahaBody } from "~/server/waha/signature";
import { pickFingerprint } from "../fingerprint";
import { sessionNameFor } from "../build-session-config";

export async function createTestUser(name = "Tester") {
  return db.user.create({
    data: { name, email: `chips.${randomUUID()}@example.com`, passwordHash: "not-a-real-hash" },
    select: { id: true, name: true, email: true },
  });
}

/** An instance row with a known webhook secret; no WAHA runs behind it. */
export async function createTestInstance(userId: string) {
  const webhookSecret = randomToken(32);
  const row = await db.wahaInstance.create({
    data: {
      userId,
      runtime: "PROCESS",
      containerName: `waha_user_${userId}`,
      image: "test",
      apiKeyEncrypted: seal(randomToken(32)),
      webhookSecretEncrypted: seal(webhookSecret),
      status: "READY",
      baseUrl: null,
    },
  });
  return { id: row.id, webhookSecret };
}

export async function createTestChip(userId: string, instanceId: string | null, status: ChipStatus = "STARTING") {
  const id = randomUUID();
  return db.chip.create({
    data: { id, userId, instanceId, label: `chip ${id.slice(0, 4)}`, sessionName: sessionNameFor(id), status, fingerprint: pickFingerprint([]) },
  });
}

export type TestEvent = { id?: string; timestamp?: number; event: string; session: string; payload: unknown; me?: unknown };

export function wahaEnvelope({ id, timestamp, event, session, payload, me }: TestEvent) {
  return {
    id: id ?? `evt_${randomUUID().replace(/-/g, "")}`,
    timestamp: timestamp ?? Date.now(),
    event,
    session,
    metadata: {},
    me: me ?? null,
    payload,
    engine: "NOWEB",
    environment: { version: "2026.7.1", engine: "NOWEB", tier: "PLUS", browser: null, platform: "linux/x64" },
  };
}

export function statusEvent(session: string, status: string, extra: Partial<TestEvent> = {}) {
  const timestamp = extra.timestamp ?? Date.now();
  return wahaEnvelope({
    event: "session.status",
    session,
    payload: { name: session, status, statuses: [{ status, timestamp }], data: null },
    ...extra,
    timestamp,
  });
}

/** A POST as WAHA sends it: HMAC-SHA512 of the exact body under the given key. */
export function signedWebhookRequest(instanceId: string, key: string | null, body: string, headers: Record<string, string> = {}) {
  return new Request(`http://127.0.0.1/api/webhooks/waha/${instanceId}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      ...(key ? { "X-Webhook-Hmac": signWahaBody(body, key), "X-Webhook-Hmac-Algorithm": "sha512" } : {}),
      "X-Webhook-Timestamp": String(Date.now()),
      ...headers,
    },
    body,
  });
}
