// Choosing an exit for a chip: a free fixed proxy when the operator listed some, else a new gateway sticky session.
import type { Prisma, ProxyKind } from "~/generated/prisma/client";
import { AppError } from "~/server/errors";
import type { ProxyEndpoint, ProxySettings } from "./proxy-settings";
import { gatewayUsername, newStickySessionId } from "./session-id";

type Tx = Prisma.TransactionClient;

export type ExitChoice = ProxyEndpoint & { kind: ProxyKind; sessionId: string | null; country: string | null };

export type PickExitOptions = {
  /** Rotation keeps the chip on the kind it had; a fixed chip falls back to the gateway when no fixed one is free. */
  preferKind?: ProxyKind;
  /** The exit being rotated away from, never handed back. */
  avoid?: EndpointKey;
};

/** Null when no provider is configured at all: chips then run without a proxy. */
export async function pickExit(tx: Tx, settings: ProxySettings, options: PickExitOptions = {}): Promise<ExitChoice | null> {
  if (!settings.gateway && settings.fixed.length === 0) return null;
  if (options.preferKind !== "GATEWAY") {
    const fixed = await pickFreeFixed(tx, settings.fixed, options.avoid);
    if (fixed) return { ...fixed, kind: "FIXED", sessionId: null, country: null };
  }
  if (!settings.gateway) throw new AppError("CONFLICT", "proxy_pool_exhausted");
  const sessionId = await unusedSessionId(tx);
  const { host, port, username, password, country } = settings.gateway;
  return { kind: "GATEWAY", host, port, username: gatewayUsername(username, sessionId), password, sessionId, country };
}

type EndpointKey = Pick<ProxyEndpoint, "host" | "port" | "username">;

const sameEndpoint = (a: EndpointKey, b: EndpointKey) =>
  a.host === b.host && a.port === b.port && a.username === b.username;

async function pickFreeFixed(tx: Tx, fixed: ProxyEndpoint[], avoid?: EndpointKey): Promise<ProxyEndpoint | null> {
  if (fixed.length === 0) return null;
  // One pool shared by every user: a transaction-scoped advisory lock makes concurrent picks take turns.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('whago.proxies.fixed-pool'))`;
  const inUse = await tx.proxyAssignment.findMany({
    where: { kind: "FIXED", releasedAt: null },
    select: { host: true, port: true, username: true },
  });
  // "Next" after the exit being left, wrapping around, so rotations walk the whole list instead of bouncing.
  const after = avoid ? fixed.findIndex((p) => sameEndpoint(p, avoid)) + 1 : 0;
  const inTurn = [...fixed.slice(after), ...fixed.slice(0, after)];
  return inTurn.find((p) => !inUse.some((u) => sameEndpoint(p, u)) && !(avoid && sameEndpoint(p, avoid))) ?? null;
}

/** Released rows keep their id, so a burned exit is never handed out again; the unique index backs this check. */
async function unusedSessionId(tx: Tx): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = newStickySessionId();
    if (!(await tx.proxyAssignment.findUnique({ where: { sessionId: id }, select: { id: true } }))) return id;
  }
  throw new AppError("INTERNAL", "proxy_session_id_exhausted");
}
