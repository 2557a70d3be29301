// The user's WAHA instance as chips need it: base URL, plain API key and webhook secret, a client for it.
// `ensureInstanceForChips` is the seam to instance provisioning (src/server/instances); until that module exports
// ensureUserInstance, a minimal ensure lives here so chips can be provisioned end to end.
import { env } from "~/env";
import { db } from "~/server/db";
import { randomToken, seal, unseal } from "~/server/crypto";
import { Prisma } from "~/generated/prisma/client";
import { AppError } from "~/server/errors";
import { createWahaClient, type WahaClient } from "~/server/waha/client";
import { getRuntime } from "~/server/waha/runtime/get-runtime";
import { instanceName } from "~/server/waha/runtime/instance-identity";
import { createKeyedLock } from "~/server/waha/runtime/keyed-lock";
import type { ProgressListener } from "~/server/waha/runtime/types";

export type ChipInstance = { id: string; baseUrl: string; apiKey: string; webhookSecret: string };

type InstanceRow = {
  id: string;
  baseUrl: string | null;
  apiKeyEncrypted: string;
  webhookSecretEncrypted: string;
};

const withUserLock = createKeyedLock();

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

/** Makes sure the user's instance row exists and its WAHA answers; one at a time per user. */
export function ensureInstanceForChips({ userId, onProgress }: EnsureInstanceForChipsOptions): Promise<ChipInstance> {
  return withUserLock(userId, async () => {
    const row = await findOrCreateInstanceRow(userId);
    const runtime = getRuntime();
    try {
      const running = await runtime.ensureRunning(
        { userId, instanceId: row.id, apiKey: unseal(row.apiKeyEncrypted), hostPort: row.hostPort ?? undefined },
        { onProgress },
      );
      const ready = await db.wahaInstance.update({
        where: { id: row.id },
        data: {
          status: "READY",
          statusReason: null,
          baseUrl: running.baseUrl,
          hostPort: running.hostPort,
          containerId: running.runtimeId,
          lastReadyAt: new Date(),
        },
      });
      return toChipInstance(ready)!;
    } catch (err) {
      const reason = err instanceof Error ? err.message : "unknown error";
      await db.wahaInstance.update({ where: { id: row.id }, data: { status: "FAILED", statusReason: reason } });
      onProgress?.({ step: "failed", message: reason });
      throw new AppError("UPSTREAM_UNAVAILABLE", `WhatsApp server did not start: ${reason}`, { cause: err });
    }
  });
}

async function findOrCreateInstanceRow(userId: string) {
  const existing = await db.wahaInstance.findUnique({ where: { userId } });
  if (existing) return existing;
  try {
    return await db.wahaInstance.create({
      data: {
        userId,
        runtime: env.WAHA_RUNTIME === "docker" ? "DOCKER" : "PROCESS",
        containerName: instanceName(userId),
        image: env.WAHA_RUNTIME === "docker" ? env.WAHA_IMAGE : "waha-sim (process)",
        apiKeyEncrypted: seal(randomToken(32)),
        webhookSecretEncrypted: seal(randomToken(32)),
        status: "CREATING",
      },
    });
  } catch (err) {
    // Another process created it first.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      return db.wahaInstance.findUniqueOrThrow({ where: { userId } });
    }
    throw err;
  }
}
