// Runs proxy writes in the caller's transaction when given one, else in a fresh one that is retried if a random
// session id collided at insert time (the only conflict that a second try can fix).
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";

type Tx = Prisma.TransactionClient;

// Chip creations can arrive in bursts that queue behind one user's row lock; waiting is better than refusing.
const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 30_000 };
const ATTEMPTS = 3;

export async function inTransaction<T>(tx: Tx | undefined, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (tx) return work(tx);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(work, TRANSACTION_OPTIONS);
    } catch (err) {
      if (attempt >= ATTEMPTS || !isSessionIdCollision(err)) throw err;
    }
  }
}

function isSessionIdCollision(err: unknown): boolean {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError) || err.code !== "P2002") return false;
  return JSON.stringify(err.meta ?? {}).includes("sessionId");
}
