import { notFound } from "next/navigation";
import { getTranslator } from "~/i18n/server";
import { isAdmin } from "~/server/admin/require-admin";
import { getServerAuthSession } from "~/server/auth";
import { UsersTable } from "./_components/users-table";

export default async function AdminPage() {
  const session = await getServerAuthSession();
  // Not found rather than forbidden: to anyone else the page does not exist.
  if (!session || !(await isAdmin({ userId: session.user.id }))) notFound();
  const { t } = await getTranslator();
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("admin.title")}</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">{t("admin.intro")}</p>
      </div>
      <UsersTable currentUserId={session.user.id} />
    </section>
  );
}
