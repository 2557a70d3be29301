// Checks WAHA answers against the response schemas of WAHA's published OpenAPI document (shared/waha/openapi.json,
// kept beside the repository rather than copied into it).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import {
  applySchemaDeviations,
  emptyBodyOperations,
  responseDeviations,
  schemaDeviations,
  type SchemaDeviation,
} from "./openapi-deviations";
import { componentsDocument, OPENAPI_SCHEMA_ID, toJsonSchema } from "./openapi-schema";

export const OPENAPI_PATH = fileURLToPath(new URL("../../../../../shared/waha/openapi.json", import.meta.url));

export type ObservedResponse = { method: string; pathname: string; status: number; contentType: string | null; body: string };

/** `validated: false` means the document declares nothing to check (WAHA documents none of its error answers). */
export type ResponseCheck = { operation: string; validated: boolean; problems: string[] };

type Json = Record<string, unknown>;

export type WahaOpenApi = {
  check(response: ObservedResponse): ResponseCheck;
  /** Checks a webhook body against the document's `webhooks[<event>]` request schema. */
  checkWebhook(rawBody: string): ResponseCheck;
};

export type LoadOptions = { path?: string; deviations?: SchemaDeviation[] };

export function loadWahaOpenApi({ path = OPENAPI_PATH, deviations = schemaDeviations }: LoadOptions = {}): WahaOpenApi {
  if (!existsSync(path)) {
    throw new Error(`WAHA's OpenAPI document is missing at ${path}: the contract tests expect shared/waha/openapi.json beside the repository.`);
  }
  const document = JSON.parse(readFileSync(path, "utf8")) as Json;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  ajv.addFormat("binary", true);
  const components = componentsDocument(document);
  applySchemaDeviations(components.$defs as Record<string, Json>, deviations);
  ajv.addSchema(components);

  const operations = Object.entries((document.paths ?? {}) as Record<string, Json>)
    .map(([template, methods]) => ({ template, methods, ...templatePattern(template) }))
    // A literal segment beats a parameter (/api/sessions/start vs /api/sessions/{session}).
    .sort((a, b) => a.params - b.params);
  const compiled = new Map<string, ValidateFunction>();

  const validatorFor = (key: string, schema: unknown) => {
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile({ $id: `${OPENAPI_SCHEMA_ID}/responses/${compiled.size}`, ...(toJsonSchema(schema) as Json) });
      compiled.set(key, validate);
    }
    return validate;
  };

  const webhooks = (document.webhooks ?? {}) as Record<string, Json>;
  const validateJson = (operation: string, schemaKey: string, schema: unknown, text: string): ResponseCheck => {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return fail(operation, "body is not JSON");
    }
    const validate = validatorFor(schemaKey, schema);
    const problems = validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "(root)"} ${e.message ?? "is invalid"}`);
    return { operation, validated: true, problems };
  };

  return {
    checkWebhook(rawBody) {
      const event = String((JSON.parse(rawBody) as { event?: unknown }).event);
      const operation = `WEBHOOK ${event}`;
      const content = ((webhooks[event]?.post as Json | undefined)?.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
      const schema = content?.["application/json"]?.schema;
      return schema ? validateJson(operation, operation, schema, rawBody) : fail(operation, "no such webhook in the OpenAPI document");
    },
    check(response) {
      const method = response.method.toLowerCase();
      const match = operations.find((op) => op.pattern.test(response.pathname) && op.methods[method]);
      if (!match) return fail(`${response.method} ${response.pathname}`, "no such operation in the OpenAPI document");
      const operation = `${response.method.toUpperCase()} ${match.template} ${response.status}`;
      const responses = ((match.methods[method] as Json).responses ?? {}) as Record<string, Json>;
      const declared = responses[String(response.status)] ?? responses.default;
      if (!declared) {
        return response.status < 400
          ? fail(operation, `status ${response.status} is not documented (documented: ${Object.keys(responses).join(", ")})`)
          : { operation, validated: false, problems: [] };
      }
      const content = declared.content as Record<string, Json> | undefined;
      if (!content) return { operation, validated: false, problems: [] };
      if (response.body === "" && !response.contentType && emptyBodyOperations.has(operation)) {
        return { operation, validated: true, problems: [] };
      }
      const mediaType = (response.contentType ?? "").split(";")[0]!.trim().toLowerCase();
      const media = content[mediaType];
      if (!media) return fail(operation, `content type "${mediaType}" is not documented (documented: ${Object.keys(content).join(", ")})`);
      if (mediaType !== "application/json") {
        return { operation, validated: true, problems: response.body.length > 0 ? [] : ["empty body"] };
      }
      const schema = responseDeviations.get(operation)?.schema ?? media.schema ?? {};
      return validateJson(operation, `${operation} ${mediaType}`, schema, response.body);
    },
  };
}

function templatePattern(template: string): { pattern: RegExp; params: number } {
  const parts = template.split(/(\{[^}]+\})/);
  const source = parts.map((part) => (part.startsWith("{") ? "[^/]+" : part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"))).join("");
  return { pattern: new RegExp(`^${source}$`), params: parts.filter((p) => p.startsWith("{")).length };
}

function fail(operation: string, problem: string): ResponseCheck {
  return { operation, validated: false, problems: [problem] };
}
