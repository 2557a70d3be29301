// tRPC setup: context (session), error mapping from AppError, public, protected and admin procedures.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import { requireAdmin } from "~/server/admin/require-admin";
import { getServerAuthSession } from "~/server/auth";
import { isAppError, toTrpcCode } from "~/server/errors";

export const createTRPCContext = async (opts: { headers: Headers }) => {
  const session = await getServerAuthSession();
  return { session, headers: opts.headers };
};

const t = initTRPC.context<typeof createTRPCContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    if (internal) console.error("[trpc] unexpected error", error.cause ?? error);
    return {
      ...shape,
      // Unknown failures leak nothing; domain errors keep their message (a stable key the UI translates).
      message: internal ? "internal_error" : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
        retryAfterSeconds: isAppError(cause) ? (cause.retryAfterSeconds ?? null) : null,
      },
    };
  },
});

/** Turns a domain AppError into the matching tRPC error; everything else passes through. */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isAppError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({ code: toTrpcCode(cause.code), message: cause.message, cause });
  }
  return result;
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;
export const publicProcedure = t.procedure.use(mapAppErrors);
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session?.user?.id) throw new TRPCError({ code: "UNAUTHORIZED", message: "not_signed_in" });
  return next({ ctx: { ...ctx, session: ctx.session, userId: ctx.session.user.id } });
});

/** Signed in and an active ADMIN according to the database, not the session token; FORBIDDEN otherwise. */
export const adminProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  await requireAdmin({ userId: ctx.userId });
  return next();
});
