import { getTranslator } from "~/i18n/server";
import { v1OpenApiDocument } from "~/server/http/v1";
import { OperationCard, type DocOperation } from "./_components/operation-card";

// Rendered on the server from the same document /api/v1/openapi.json serves: nothing loads from a CDN.
export default async function ApiDocsPage() {
  const { t } = await getTranslator();
  const document = v1OpenApiDocument();
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), ...(op as object) }) as DocOperation),
  );
  return (
    <section className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("docs.title")}</h1>
        <p className="max-w-3xl whitespace-pre-line text-sm text-slate-600">{document.info.description}</p>
        <p className="text-sm">
          <a className="font-medium text-brand-700 hover:underline" href="/api/v1/openapi.json">
            {t("docs.openapi")}
          </a>
        </p>
      </div>
      {operations.map((op) => (
        <OperationCard key={`${op.method} ${op.path}`} operation={op} serverUrl={document.servers[0]?.url ?? ""} />
      ))}
    </section>
  );
}
