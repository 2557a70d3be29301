import { getTranslator } from "~/i18n/server";
import { ApiKeyList } from "./_components/api-key-list";
import { CreateApiKeyForm } from "./_components/create-api-key-form";

export default async function ApiKeysPage() {
  const { t } = await getTranslator();
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("apiKeys.title")}</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">{t("apiKeys.intro")}</p>
      </div>
      <CreateApiKeyForm />
      <ApiKeyList />
    </section>
  );
}
