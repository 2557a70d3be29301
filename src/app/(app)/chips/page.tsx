import { getTranslator } from "~/i18n/server";
import { AddChipForm } from "./_components/add-chip-form";
import { ChipList } from "./_components/chip-list";

export default async function ChipsPage() {
  const { t } = await getTranslator();
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("chips.title")}</h1>
      <AddChipForm />
      <ChipList />
    </section>
  );
}
