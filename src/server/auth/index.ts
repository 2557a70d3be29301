import { getServerSession } from "next-auth";
import { authOptions } from "./config";

/** The signed-in user's session in server components and route handlers, or null. */
export const getServerAuthSession = () => getServerSession(authOptions);
