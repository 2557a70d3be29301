import { redirect } from "next/navigation";
import { isAdmin } from "~/server/admin/require-admin";
import { getServerAuthSession } from "~/server/auth";
import { AppHeader } from "./_components/app-header";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const session = await getServerAuthSession();
  if (!session) redirect("/login");
  return (
    <div className="min-h-screen">
      <AppHeader
        user={{ name: session.user.name, email: session.user.email }}
        isAdmin={await isAdmin({ userId: session.user.id })}
      />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}
