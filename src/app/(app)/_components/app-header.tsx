import Link from "next/link";
import { getTranslator } from "~/i18n/server";
import { AccountMenu } from "./account-menu";

export async function AppHeader({ user }: { user: { name: string; email: string } }) {
  const { t } = await getTranslator();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between px-4 py-3">
        <div className="flex items-center gap-6">
          <Link href="/chips" className="text-xl font-bold text-brand-700">
            {t("app.name")}
          </Link>
          <nav className="flex gap-4 text-sm">
            <Link href="/chips" className="text-slate-700 hover:text-brand-700">
              {t("nav.chips")}
            </Link>
          </nav>
        </div>
        <AccountMenu user={user} />
      </div>
    </header>
  );
}
