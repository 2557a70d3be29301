import { redirect } from "next/navigation";
import { getServerAuthSession } from "~/server/auth";
import { getTranslator } from "~/i18n/server";
import { LanguageSwitcher } from "../_components/language-switcher";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  if (await getServerAuthSession()) redirect("/chips");
  const { t } = await getTranslator();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 px-4">
      <div className="text-center">
        <p className="text-3xl font-bold text-brand-700">{t("app.name")}</p>
        <p className="text-sm text-slate-600">{t("app.tagline")}</p>
      </div>
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
      <LanguageSwitcher />
    </main>
  );
}
