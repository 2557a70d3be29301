import { redirect } from "next/navigation";
import { getServerAuthSession } from "~/server/auth";
import { AppHeader } from "./_components/app-header";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const session = await getServerAuthSession();
  if (!session) redirect("/login");
  return (
    <div className="min-h-screen">
      <AppHeader user={{ name: session.user.name, email: session.user.email }} />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}
