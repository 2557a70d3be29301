// A host port recorded on the instance row for life: the (runtime, hostPort) unique constraint settles races
// between whago processes, and a recreated instance comes back at the same address.
import { Prisma } from "~/generated/prisma/client";
import type { RuntimeKind } from "~/generated/prisma/enums";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { isLoopbackPortFree, pickFreePort, type PortRange } from "~/server/waha/runtime/port-allocator";
import type { WahaRuntime } from "~/server/waha/runtime/types";

export type AssignHostPortOptions = { instanceId: string; runtimeKind: RuntimeKind; runtime: WahaRuntime; range: PortRange };

const MAX_ATTEMPTS = 20;

export async function assignHostPort({ instanceId, runtimeKind, runtime, range }: AssignHostPortOptions) {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const [rows, listed] = await Promise.all([
      db.wahaInstance.findMany({ where: { runtime: runtimeKind, hostPort: { not: null } }, select: { hostPort: true } }),
      runtime.list(),
    ]);
    const taken = new Set([...rows.map((r) => r.hostPort), ...listed.map((i) => i.hostPort)].filter((p) => p !== null));
    const port = await pickFreePort({ range, taken, isFree: isLoopbackPortFree });
    try {
      // Only while the row has no port: a concurrent ensure for the same user may have assigned one already.
      const { count } = await db.wahaInstance.updateMany({ where: { id: instanceId, hostPort: null }, data: { hostPort: port } });
      if (count === 1) return port;
      const row = await db.wahaInstance.findUniqueOrThrow({ where: { id: instanceId }, select: { hostPort: true } });
      if (row.hostPort !== null) return row.hostPort;
    } catch (err) {
      // Another provisioning took this port between our read and our write: look again.
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") continue;
      throw err;
    }
  }
  throw new AppError("CONFLICT", `Could not assign a WAHA port after ${MAX_ATTEMPTS} attempts.`);
}
