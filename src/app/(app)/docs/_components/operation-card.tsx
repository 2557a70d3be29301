import { getTranslator } from "~/i18n/server";
import { curlExample } from "./curl-example";

type Schema = Record<string, unknown>;
export type DocOperation = {
  method: string;
  path: string;
  operationId: string;
  summary: string;
  description: string;
  parameters: { name: string; in: string; required: boolean; description?: string; schema: Schema }[];
  requestBody?: { content: { "application/json": { schema: Schema } } };
  responses: Record<string, { description?: string; content?: { "application/json": { schema: Schema } } } | { $ref: string }>;
};

const methodColors: Record<string, string> = {
  GET: "bg-sky-100 text-sky-800",
  POST: "bg-emerald-100 text-emerald-800",
  DELETE: "bg-red-100 text-red-800",
};

const json = (value: unknown) => JSON.stringify(value, null, 2);

export async function OperationCard({ operation: op, serverUrl }: { operation: DocOperation; serverUrl: string }) {
  const { t } = await getTranslator();
  const body = op.requestBody?.content["application/json"].schema;
  const [status, success] = Object.entries(op.responses)[0] ?? [];
  const responseSchema = success && "content" in success ? success.content?.["application/json"].schema : undefined;
  const errors = Object.keys(op.responses).filter((code) => code !== status);
  return (
    <article id={op.operationId} className="space-y-3 rounded-xl border border-slate-200 bg-white p-6">
      <h2 className="flex flex-wrap items-center gap-3 text-lg font-medium">
        <span className={`rounded px-2 py-0.5 font-mono text-xs ${methodColors[op.method] ?? "bg-slate-100"}`}>{op.method}</span>
        <code className="font-mono text-sm">{op.path}</code>
        <span>{op.summary}</span>
      </h2>
      <p className="whitespace-pre-line text-sm text-slate-600">{op.description}</p>
      {op.parameters.length > 0 && (
        <div>
          <h3 className="text-sm font-medium">{t("docs.params")}</h3>
          <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
            {op.parameters.map((p) => (
              <li key={`${p.in}:${p.name}`}>
                <code>{p.name}</code> ({p.in}
                {p.required ? ", required" : ""}) {p.description}
              </li>
            ))}
          </ul>
        </div>
      )}
      {body && <SchemaBlock title={t("docs.body")} schema={body} />}
      {responseSchema ? (
        <SchemaBlock title={`${t("docs.response")} ${status}`} schema={responseSchema} />
      ) : (
        <p className="text-sm">
          {t("docs.response")} {status}: {success && "description" in success ? success.description : ""}
        </p>
      )}
      <p className="text-xs text-slate-500">Errors: {errors.join(", ")}</p>
      <div>
        <h3 className="text-sm font-medium">{t("docs.example")}</h3>
        <pre className="mt-1 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
          {curlExample(op.method, `${serverUrl}${op.path}`, body)}
        </pre>
      </div>
    </article>
  );
}

function SchemaBlock({ title, schema }: { title: string; schema: Schema }) {
  return (
    <details>
      <summary className="cursor-pointer text-sm font-medium">{title}</summary>
      <pre className="mt-1 max-h-96 overflow-auto rounded bg-slate-50 p-3 text-xs">{json(schema)}</pre>
    </details>
  );
}
