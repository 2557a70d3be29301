import { getServerSession } from "next-auth";
import { isActiveAccount } from "~/server/accounts/account-settings";
import { authOptions } from "./config";

/**
 * The signed-in user's session in server components and route handlers, or null. Session tokens live for 30 days,
 * so the account is looked up each time: a suspended or deleted user loses access at once.
 */
export async function getServerAuthSession() {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  return (await isActiveAccount({ userId: session.user.id })) ? session : null;
}
