// The user's WAHA instance as chips need it: base URL, plain API key and webhook secret, a client for it.
import { env } from "~/env";
import { db } from "~/server/db";
import { unseal } from "~/server/crypto";
import { ensureUserInstance } from "~/server/instances/ensure-user-instance";
import { AppError } from "~/server/errors";
import { createWahaClient, type WahaClient } from "~/server/waha/client";
import type { ProgressListener } from "~/server/waha/runtime/types";

export type ChipInstance = { id: string; baseUrl: string; apiKey: string; webhookSecret: string };

type InstanceRow = {
  id: string;
  baseUrl: string | null;
  apiKeyEncrypted: string;
  webhookSecretEncrypted: string;
};

export function toChipInstance(row: InstanceRow): ChipInstance | null {
  if (!row.baseUrl) return null;
  return {
    id: row.id,
    baseUrl: row.baseUrl,
    apiKey: unseal(row.apiKeyEncrypted),
    webhookSecret: unseal(row.webhookSecretEncrypted),
  };
}

export function wahaClientFor(instance: ChipInstance): WahaClient {
  return createWahaClient({
    baseUrl: instance.baseUrl,
    apiKey: instance.apiKey,
    timeoutMs: env.WAHA_REQUEST_TIMEOUT_MS,
    retry: { attempts: env.WAHA_RETRY_ATTEMPTS, delayMs: env.WAHA_RETRY_DELAY_MS, maxDelayMs: 5_000 },
  });
}

/** The instance a chip lives on, without starting anything; null when it has none or it never became reachable. */
export async function loadChipInstance(instanceId: string | null): Promise<ChipInstance | null> {
  if (!instanceId) return null;
  const row = await db.wahaInstance.findUnique({ where: { id: instanceId } });
  return row ? toChipInstance(row) : null;
}

export type EnsureInstanceForChipsOptions = { userId: string; onProgress?: ProgressListener };

/** Makes sure the user's instance runs and answers (progress goes to onProgress); UPSTREAM_UNAVAILABLE otherwise. */
export async function ensureInstanceForChips({ userId, onProgress }: EnsureInstanceForChipsOptions): Promise<ChipInstance> {
  try {
    const { instanceId, ...connection } = await ensureUserInstance({ userId, onProgress });
    return { id: instanceId, ...connection };
  } catch (err) {
    const reason = err instanceof Error ? err.message : "unknown error";
    throw new AppError("UPSTREAM_UNAVAILABLE", `WhatsApp server did not start: ${reason}`, { cause: err });
  }
}
