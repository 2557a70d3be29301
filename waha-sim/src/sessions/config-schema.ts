import { validateObject, isPlainObject, type Rule, type ValidationOptions } from "./validation-rules";

// Order as WAHA's WAHAEvents enum, then the "*" wildcard.
export const WEBHOOK_EVENTS = [
  "session.status", "message", "message.reaction", "message.any", "message.ack", "message.ack.group",
  "message.waiting", "message.revoked", "message.edited", "state.change", "group.join", "group.leave",
  "group.v2.join", "group.v2.leave", "group.v2.update", "group.v2.participants", "presence.update", "poll.vote",
  "poll.vote.failed", "chat.archive", "call.received", "call.accepted", "call.rejected", "label.upsert",
  "label.deleted", "label.chat.added", "label.chat.deleted", "event.response", "event.response.failed",
  "engine.event", "*",
] as const;

const optionalBoolean: Rule = { type: "boolean", optional: true };
const optionalString: Rule = { type: "string", optional: true };

const webhookRule: Rule = {
  type: "object",
  fields: {
    url: { type: "url" },
    events: { type: "enumEach", values: WEBHOOK_EVENTS },
    hmac: { type: "object", optional: true, fields: { key: optionalString } },
    retries: {
      type: "object",
      optional: true,
      fields: {
        delaySeconds: { type: "number", optional: true },
        attempts: { type: "number", optional: true },
        policy: { type: "enum", optional: true, values: ["linear", "exponential", "constant"] },
      },
    },
    customHeaders: { type: "array", optional: true, item: { type: "object", fields: { name: { type: "string" }, value: { type: "string" } } } },
  },
};

const sessionConfigFields: Record<string, Rule> = {
  metadata: { type: "stringMap", optional: true },
  proxy: {
    type: "object",
    optional: true,
    fields: { server: { type: "string" }, username: optionalString, password: optionalString },
  },
  debug: optionalBoolean,
  ignore: {
    type: "object",
    optional: true,
    fields: { status: optionalBoolean, groups: optionalBoolean, channels: optionalBoolean, broadcast: optionalBoolean },
  },
  client: { type: "object", optional: true, fields: { deviceName: optionalString, browserName: optionalString } },
  noweb: {
    type: "object",
    optional: true,
    fields: {
      markOnline: optionalBoolean,
      store: { type: "object", optional: true, fields: { enabled: { type: "boolean" }, fullSync: { type: "boolean" } } },
    },
  },
  gows: {
    type: "object",
    optional: true,
    fields: {
      storage: {
        type: "object",
        optional: true,
        fields: { messages: optionalBoolean, groups: optionalBoolean, chats: optionalBoolean, labels: optionalBoolean },
      },
    },
  },
  webjs: { type: "object", optional: true, fields: { tagsEventsOn: optionalBoolean } },
  webhooks: { type: "array", optional: true, item: webhookRule },
};

const configRule: Rule = { type: "object", optional: true, fields: sessionConfigFields };
const appsRule: Rule = { type: "array", optional: true, item: { type: "any" } };

export const NAME_PATTERN_MESSAGE =
  "Session name can only contain alphanumeric characters, hyphens, and underscores (a-z, A-Z, 0-9, -, _) or be empty";
export const MAX_NAME_LENGTH = 54;

export interface CreateRequest {
  name?: string;
  start?: boolean;
  config?: SessionConfig | null;
  apps?: unknown[] | null;
}

export type SessionConfig = Record<string, unknown> & {
  metadata?: Record<string, string> | null;
  proxy?: { server: string; username?: string | null; password?: string | null } | null;
  webhooks?: WebhookConfig[] | null;
};

export interface WebhookConfig {
  url: string;
  events: string[];
  hmac?: { key?: string | null } | null;
  retries?: { delaySeconds?: number | null; attempts?: number | null; policy?: string | null } | null;
  customHeaders?: { name: string; value: string }[] | null;
}

function nameErrors(name: unknown): string[] {
  if (name === undefined || name === null) return [];
  if (typeof name !== "string") return [NAME_PATTERN_MESSAGE, "name must be a string"];
  const errors: string[] = [];
  if (!/^[a-zA-Z0-9_-]*$/.test(name)) errors.push(NAME_PATTERN_MESSAGE);
  if (name.length > MAX_NAME_LENGTH) errors.push(`name must be shorter than or equal to ${MAX_NAME_LENGTH} characters`);
  return errors;
}

function bodyObject(body: unknown): Record<string, unknown> {
  return isPlainObject(body) ? body : {};
}

export function parseCreateRequest(body: unknown, options: ValidationOptions): { value: CreateRequest; errors: string[] } {
  const input = bodyObject(body);
  const result = validateObject(
    { name: { type: "any" }, start: optionalBoolean, config: configRule, apps: appsRule },
    input,
    "",
    options,
  );
  return { value: result.value as CreateRequest, errors: [...nameErrors(input.name), ...result.errors] };
}

/** PUT body: `name` is not part of SessionUpdateRequest and is stripped (rejected in strict mode). */
export function parseUpdateRequest(body: unknown, options: ValidationOptions): { value: CreateRequest; errors: string[] } {
  const result = validateObject({ config: configRule, apps: appsRule }, bodyObject(body), "", options);
  return { value: result.value as CreateRequest, errors: result.errors };
}
