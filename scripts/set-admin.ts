// Promotes an existing account to ADMIN: `npx tsx scripts/set-admin.ts <email>`, run with the app's settings
// (DATABASE_URL and the rest, validated by src/env.js) so it reaches the app's database.
import { promoteToAdmin } from "~/server/admin/promote-to-admin";
import { isAppError } from "~/server/errors";

const USAGE = "usage: npx tsx scripts/set-admin.ts <email>";

async function main(): Promise<number> {
  const email = process.argv[2]?.trim();
  if (!email || process.argv.length > 3) {
    console.error(USAGE);
    return 2;
  }
  try {
    const { alreadyAdmin } = await promoteToAdmin({ email });
    console.log(alreadyAdmin ? `${email} is already an admin.` : `${email} is now an admin.`);
    return 0;
  } catch (err) {
    if (isAppError(err) && err.code === "NOT_FOUND") {
      console.error(`No account uses the email ${email}. Sign up with it first, then run this again.`);
      return 1;
    }
    throw err;
  }
}

// Exit explicitly: the database pool would otherwise keep the process alive.
main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
