import { getTranslator } from "~/i18n/server";

export default async function ChipsPage() {
  const { t } = await getTranslator();
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("chips.title")}</h1>
      <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
        <h2 className="text-lg font-medium">{t("chips.empty.title")}</h2>
        <p className="mx-auto mt-2 max-w-md text-sm text-slate-600">{t("chips.empty.body")}</p>
      </div>
    </section>
  );
}
