import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "~/env";
import { authenticate } from "~/server/accounts/authenticate";
import { isAppError } from "~/server/errors";
import { clientIp } from "~/server/http/client-ip";
import { ACCOUNT_SUSPENDED, rateLimitedSignInError } from "~/lib/accounts/sign-in-error";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
  }
}

export const authOptions: NextAuthOptions = {
  // The credentials provider only works with JWT sessions.
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  secret: env.NEXTAUTH_SECRET,
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: async (credentials, req) => {
        try {
          return await authenticate(credentials, { ip: clientIp(req?.headers, env.TRUSTED_PROXY_HOPS) });
        } catch (err) {
          // next-auth hands a thrown message to the login form, which explains the wait.
          if (isAppError(err) && err.code === "RATE_LIMITED") {
            throw new Error(rateLimitedSignInError(err.retryAfterSeconds ?? 60));
          }
          if (isAppError(err) && err.message === ACCOUNT_SUSPENDED) throw new Error(ACCOUNT_SUSPENDED);
          throw err;
        }
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => {
      if (user) token.uid = user.id;
      return token;
    },
    session: ({ session, token }) => ({
      ...session,
      user: { id: token.uid ?? "", name: token.name ?? "", email: token.email ?? "" },
    }),
  },
};
