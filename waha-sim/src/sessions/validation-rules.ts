/**
 * A small re-implementation of the class-validator checks WAHA's DTOs use, producing the same messages NestJS's
 * ValidationPipe returns (parent path joined with dots, e.g. "config.webhooks.0.url must be a URL address").
 */
export type Rule =
  | { type: "string" | "boolean" | "number" | "url" | "stringMap" | "any"; optional?: boolean }
  | { type: "enum"; values: readonly string[]; optional?: boolean }
  | { type: "enumEach"; values: readonly string[]; optional?: boolean }
  | { type: "object"; fields: Record<string, Rule>; optional?: boolean }
  | { type: "array"; item: Rule; optional?: boolean };

export interface ValidationResult {
  value: unknown;
  errors: string[];
}

export interface ValidationOptions {
  /** WAHA_HTTP_STRICT_MODE: reject unknown properties instead of stripping them. */
  strict: boolean;
}

export function validateValue(rule: Rule, value: unknown, property: string, prefix: string, options: ValidationOptions): ValidationResult {
  const at = (message: string) => [`${prefix}${message}`];
  if (rule.optional && (value === undefined || value === null)) return { value, errors: [] };
  switch (rule.type) {
    case "any":
      return { value, errors: [] };
    case "string":
      return { value, errors: typeof value === "string" ? [] : at(`${property} must be a string`) };
    case "boolean":
      return { value, errors: typeof value === "boolean" ? [] : at(`${property} must be a boolean value`) };
    case "number":
      return {
        value,
        errors: typeof value === "number" && Number.isFinite(value) ? [] : at(`${property} must be a number conforming to the specified constraints`),
      };
    case "url":
      return { value, errors: isHttpUrl(value) ? [] : at(`${property} must be a URL address`) };
    case "stringMap":
      return { value, errors: isStringMap(value) ? [] : at(`${property} accepts string key-value pairs only`) };
    case "enum":
      return { value, errors: rule.values.includes(value as string) ? [] : at(`${property} must be one of the following values: ${rule.values.join(", ")}`) };
    case "enumEach": {
      const items = Array.isArray(value) ? value : [value];
      const ok = items.every((item) => rule.values.includes(item as string));
      return { value, errors: ok ? [] : at(`each value in ${property} must be one of the following values: ${rule.values.join(", ")}`) };
    }
    case "object":
      if (!isPlainObject(value)) return { value, errors: at(`nested property ${property} must be either object or array`) };
      return validateObject(rule.fields, value, `${prefix}${property}.`, options);
    case "array":
      if (!Array.isArray(value)) return { value, errors: at(`${property} must be an array`) };
      return validateArray(rule.item, value, `${prefix}${property}.`, options);
  }
}

export function validateObject(
  fields: Record<string, Rule>,
  input: Record<string, unknown>,
  prefix: string,
  options: ValidationOptions,
): ValidationResult {
  const output: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const key of Object.keys(input)) {
    if (!(key in fields) && options.strict) errors.push(`${prefix}property ${key} should not exist`);
  }
  for (const [key, rule] of Object.entries(fields)) {
    const result = validateValue(rule, input[key], key, prefix, options);
    errors.push(...result.errors);
    if (result.value !== undefined) output[key] = result.value;
  }
  return { value: output, errors };
}

function validateArray(item: Rule, input: unknown[], prefix: string, options: ValidationOptions): ValidationResult {
  const errors: string[] = [];
  const value = input.map((element, index) => {
    const result = validateValue(item, element, String(index), prefix, options);
    errors.push(...result.errors);
    return result.value;
  });
  return { value, errors };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// WAHA's IsDynamicObject only checks that every value is a string, so an array of strings passes too.
function isStringMap(value: unknown): boolean {
  return typeof value === "object" && value !== null && Object.values(value).every((v) => typeof v === "string");
}

// IsUrl({ protocols: ["http", "https"], require_protocol: true, require_tld: false })
function isHttpUrl(value: unknown): boolean {
  if (typeof value !== "string" || !/^https?:\/\/[^\s/?#]+/i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}
