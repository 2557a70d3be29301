// ensureUserInstance: the user's WAHA instance exists, runs and answers; its row records every step on the way.
import { Prisma } from "~/generated/prisma/client";
import { env } from "~/env";
import { randomToken, seal, unseal } from "~/server/crypto";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { getRuntime } from "~/server/waha/runtime/get-runtime";
import { instanceName } from "~/server/waha/runtime/instance-identity";
import { parsePortRange, type PortRange } from "~/server/waha/runtime/port-allocator";
import type { ProgressListener, WahaRuntime } from "~/server/waha/runtime/types";
import { assignHostPort } from "./assign-host-port";
import { createProgressRecorder, recordReady, runtimeKindOf } from "./record-instance-state";

export type EnsureUserInstanceOptions = {
  userId: string;
  onProgress?: ProgressListener;
  /** Defaults to the runtime selected by settings; tests pass their own. */
  runtime?: WahaRuntime;
  portRange?: PortRange;
};

export type UserInstanceConnection = { instanceId: string; baseUrl: string; apiKey: string; webhookSecret: string };

export async function ensureUserInstance(options: EnsureUserInstanceOptions): Promise<UserInstanceConnection> {
  const { userId, onProgress } = options;
  const runtime = options.runtime ?? getRuntime();
  const kind = runtimeKindOf(runtime);
  const row = await findOrCreateInstanceRow(userId, runtime);
  if (row.runtime !== kind) {
    // The deployment switched runtimes: the old port belongs to the other runtime's numbering.
    await db.wahaInstance.update({ where: { id: row.id }, data: { runtime: kind, hostPort: null } });
    row.hostPort = null;
  }
  const range = options.portRange ?? parsePortRange(env.WAHA_PORT_RANGE);
  const hostPort = row.hostPort ?? (await assignHostPort({ instanceId: row.id, runtimeKind: kind, runtime, range }));

  const recorder = createProgressRecorder(row.id);
  const apiKey = unseal(row.apiKeyEncrypted);
  try {
    const running = await runtime.ensureRunning(
      { userId, instanceId: row.id, apiKey, hostPort },
      {
        onProgress: (event) => {
          recorder.record(event);
          onProgress?.(event);
        },
      },
    );
    await recorder.flush();
    await recordReady(row.id, running, runtime);
    return { instanceId: row.id, baseUrl: running.baseUrl, apiKey, webhookSecret: unseal(row.webhookSecretEncrypted) };
  } catch (err) {
    await recorder.flush();
    throw err;
  }
}

/** The row comes first, so the reconciler never mistakes a container being created for an orphan. */
export async function findOrCreateInstanceRow(userId: string, runtime: WahaRuntime) {
  const existing = await db.wahaInstance.findUnique({ where: { userId } });
  if (existing) return existing;
  try {
    return await db.wahaInstance.create({
      data: {
        userId,
        runtime: runtimeKindOf(runtime),
        containerName: instanceName(userId),
        // WAHA rejects short or well-known keys; 32 random bytes, sealed at rest like the webhook secret.
        apiKeyEncrypted: seal(randomToken(32)),
        webhookSecretEncrypted: seal(randomToken(32)),
        image: runtime.image,
        status: "PENDING",
      },
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      return db.wahaInstance.findUniqueOrThrow({ where: { userId } });
    }
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2003") {
      throw new AppError("NOT_FOUND", "user_not_found");
    }
    throw err;
  }
}
