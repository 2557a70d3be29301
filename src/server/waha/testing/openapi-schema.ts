// Turns the schemas of WAHA's published OpenAPI 3.1 document into JSON Schema 2020-12 that Ajv compiles strictly.
// WAHA's generator (NestJS swagger) leaves three OpenAPI-3.0 habits in it: `nullable: true`, `required: true` on a
// single property, and `example`; references point at `#/components/schemas/…`; string enums typed as objects.

export const OPENAPI_SCHEMA_ID = "https://whago.invalid/waha/openapi.json";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

// Values under these keys are data, not schemas: never rewrite them.
const DATA_KEYWORDS = new Set(["enum", "const", "default"]);
// Annotations with no effect on validation that Ajv's strict mode would reject as unknown keywords.
const DROPPED_KEYWORDS = new Set(["example", "examples", "nullable", "xml", "externalDocs", "discriminator"]);

export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!isObject(node)) return node;

  const out: Json = {};
  const requiredByFlag: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED_KEYWORDS.has(key)) continue;
    if (DATA_KEYWORDS.has(key)) out[key] = value;
    else if (key === "$ref" && typeof value === "string") out.$ref = value.replace("#/components/schemas/", `${OPENAPI_SCHEMA_ID}#/$defs/`);
    else if (key === "required" && typeof value === "boolean") continue; // lifted into the parent below
    else if (key === "properties" && isObject(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema)]));
      for (const [name, schema] of Object.entries(value)) if (isObject(schema) && schema.required === true) requiredByFlag.push(name);
    } else out[key] = toJsonSchema(value);
  }
  if (requiredByFlag.length > 0) {
    out.required = [...new Set([...(Array.isArray(out.required) ? (out.required as string[]) : []), ...requiredByFlag])];
  }
  // The generator types string enums of event names as `object`, which no value can satisfy.
  if (out.type === "object" && Array.isArray(out.enum) && out.enum.every((v) => typeof v === "string")) out.type = "string";
  return node.nullable === true ? allowNull(out) : out;
}

function allowNull(schema: Json): Json {
  if (typeof schema.type === "string") {
    const withNull: Json = { ...schema, type: [schema.type, "null"] };
    if (Array.isArray(schema.enum)) withNull.enum = [...schema.enum, null];
    return withNull;
  }
  return { anyOf: [schema, { type: "null" }] };
}

/** One schema document holding every component, so `$ref`s resolve against it. */
export function componentsDocument(openapi: Json): { $id: string; $defs: Record<string, unknown> } {
  const components = isObject(openapi.components) ? openapi.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  return {
    $id: OPENAPI_SCHEMA_ID,
    $defs: Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, toJsonSchema(schema)])),
  };
}
