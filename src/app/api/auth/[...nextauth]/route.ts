// /api/auth/* – next-auth (credentials sign-in, sign-out, session)
import NextAuth from "next-auth";
import { authOptions } from "~/server/auth/config";

const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };
