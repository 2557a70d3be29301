type Schema = { type?: string | string[]; properties?: Record<string, Schema>; enum?: unknown[]; format?: string };

/** A plausible value for a JSON schema, so the curl example shows every body field. */
function exampleOf(schema: Schema): unknown {
  if (schema.enum?.length) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === "object") {
    return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, exampleOf(v)]));
  }
  if (type === "integer" || type === "number") return 1;
  if (type === "boolean") return true;
  if (type === "array") return [];
  return "…";
}

export function curlExample(method: string, url: string, body?: Schema): string {
  const lines = [`curl -X ${method} '${url.replace(/\{(\w+)\}/g, "<$1>")}'`, `  -H "X-Api-Key: $WHAGO_API_KEY"`];
  if (body) {
    lines.push(`  -H 'Content-Type: application/json'`, `  -d '${JSON.stringify(exampleOf(body))}'`);
  }
  return lines.join(" \\\n");
}
