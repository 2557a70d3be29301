import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "~/env";
import { authenticate } from "~/server/accounts/authenticate";

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
      authorize: async (credentials) => authenticate(credentials),
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
