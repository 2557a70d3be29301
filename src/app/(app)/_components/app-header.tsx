import Link from "next/link";
import { getTranslator } from "~/i18n/server";
import { usesWahaSimulator } from "~/server/waha/simulated";
import { AccountMenu } from "./account-menu";

export async function AppHeader({ user, isAdmin }: { user: { name: string; email: string }; isAdmin: boolean }) {
  const { t } = await getTranslator();
  return (
    <header className="border-b border-slate-200 bg-white">
      {usesWahaSimulator() && (
        <p role="note" data-testid="simulator-banner" className="bg-amber-100 px-4 py-1 text-center text-xs text-amber-900">
          {t("sim.banner")}
        </p>
      )}
      <div className="mx-auto flex max-w-6xl items-center justify-between px-4 py-3">
        <div className="flex items-center gap-6">
          <Link href="/chips" className="text-xl font-bold text-brand-700">
            {t("app.name")}
          </Link>
          <nav className="flex gap-4 text-sm">
            <Link href="/chips" className="text-slate-700 hover:text-brand-700">
              {t("nav.chips")}
            </Link>
            <Link href="/api-keys" className="text-slate-700 hover:text-brand-700">
              {t("nav.apiKeys")}
            </Link>
            <Link href="/docs" className="text-slate-700 hover:text-brand-700">
              {t("nav.docs")}
            </Link>
            {isAdmin && (
              <Link href="/admin" className="text-slate-700 hover:text-brand-700">
                {t("nav.admin")}
              </Link>
            )}
          </nav>
        </div>
        <AccountMenu user={user} />
      </div>
    </header>
  );
}
