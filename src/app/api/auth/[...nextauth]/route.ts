// /api/auth/* – next-auth (credentials sign-in, sign-out, session)
import NextAuth from "next-auth";
import { parseSignInError } from "~/lib/accounts/sign-in-error";
import { authOptions } from "~/server/auth/config";

const handler = NextAuth(authOptions);

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/** next-auth answers every refused sign-in with 401; a rate-limited one becomes a 429 with Retry-After. */
async function POST(req: Request, ctx: RouteContext): Promise<Response> {
  const res: Response = await handler(req, ctx);
  if (res.status !== 401) return res;
  const body = (await res.clone().json().catch(() => null)) as { url?: string } | null;
  const error = body?.url ? new URL(body.url, "http://localhost").searchParams.get("error") : null;
  const parsed = parseSignInError(error);
  if (parsed.kind !== "rate_limited") return res;
  const headers = new Headers(res.headers);
  headers.set("Retry-After", String(parsed.retryAfterSeconds));
  return new Response(res.body, { status: 429, headers });
}

export { handler as GET, POST };
