import { ProxyQuotaLive } from "~/components/proxy/proxy-quota";
import { getTranslator } from "~/i18n/server";
import { AddChipForm } from "./_components/add-chip-form";
import { ChipList } from "./_components/chip-list";

export default async function ChipsPage() {
  const { t } = await getTranslator();
  return (
    <section className="space-y-6">
      <div className="flex items-baseline justify-between gap-4">
        <h1 className="text-2xl font-semibold">{t("chips.title")}</h1>
        <ProxyQuotaLive />
      </div>
      <AddChipForm />
      <ChipList />
    </section>
  );
}
