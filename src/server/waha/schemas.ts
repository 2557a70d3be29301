import { z } from "zod";

// Shapes follow the published OpenAPI where WAHA honours it and CONTRACT.md where it does not (`me`, `presence`,
// echoed config fields and `environment.browser` can all be null). Unknown keys are dropped, except in engine-specific
// objects, which are kept as they come.

export const sessionStatuses = [
  "STOPPED",
  "STARTING",
  "SCAN_QR_CODE",
  "PASSKEY_REQUIRED",
  "PASSKEY_CONFIRMATION_REQUIRED",
  "WORKING",
  "FAILED",
] as const;
export const sessionStatusSchema = z.enum(sessionStatuses);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const meSchema = z.object({
  id: z.string(),
  pushName: z.string().nullish(),
  lid: z.string().nullish(),
  jid: z.string().nullish(),
});
export type Me = z.infer<typeof meSchema>;

export const proxyConfigSchema = z.object({
  server: z.string(),
  username: z.string().nullish(),
  password: z.string().nullish(),
});

export const webhookRetryPolicies = ["constant", "linear", "exponential"] as const;

export const webhookConfigSchema = z.object({
  url: z.string(),
  events: z.array(z.string()),
  hmac: z.object({ key: z.string().nullish() }).nullish(),
  retries: z
    .object({
      delaySeconds: z.number().nullish(),
      attempts: z.number().nullish(),
      policy: z.enum(webhookRetryPolicies).nullish(),
    })
    .nullish(),
  customHeaders: z.array(z.object({ name: z.string(), value: z.string() })).nullish(),
});
export type WebhookConfig = z.infer<typeof webhookConfigSchema>;

export const sessionConfigSchema = z.object({
  /** WAHA echoes it in every webhook; whago keeps tenant and chip ids here. */
  metadata: z.record(z.string(), z.string()).nullish(),
  proxy: proxyConfigSchema.nullish(),
  webhooks: z.array(webhookConfigSchema).nullish(),
  debug: z.boolean().nullish(),
  client: z.object({ deviceName: z.string().nullish(), browserName: z.string().nullish() }).nullish(),
  ignore: z.record(z.string(), z.boolean().nullable()).nullish(),
  noweb: z.looseObject({}).nullish(),
  gows: z.looseObject({}).nullish(),
  webjs: z.looseObject({}).nullish(),
});
export type SessionConfig = z.infer<typeof sessionConfigSchema>;

export const sessionInfoSchema = z.object({
  name: z.string(),
  status: sessionStatusSchema,
  config: sessionConfigSchema.nullish(),
  me: meSchema.nullish(),
  assignedWorker: z.string().nullish(),
  presence: z.string().nullish(),
  timestamps: z.object({ activity: z.number().nullish() }).nullish(),
  engine: z.looseObject({ engine: z.string() }).nullish(),
  apps: z.array(z.looseObject({})).nullish(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const qrImageSchema = z.object({ mimetype: z.string(), data: z.string() });
export type QrImage = z.infer<typeof qrImageSchema>;

export const qrRawSchema = z.object({ value: z.string() });
export type QrRaw = z.infer<typeof qrRawSchema>;

export const pairingCodeSchema = z.object({ code: z.string() });
export type PairingCode = z.infer<typeof pairingCodeSchema>;

// sendText answers an engine-specific message object; only its id is portable. GOWS and WEBJS give the serialized id
// webhooks use (`id`, `id._serialized`); NOWEB gives Baileys' bare `key.id`, which the client completes.
export const sentMessageSchema = z
  .union([
    z.object({ id: z.string() }),
    z.object({ id: z.object({ _serialized: z.string() }) }),
    z.object({ key: z.object({ id: z.string() }) }),
  ])
  .transform((message): { serializedId: string } | { keyId: string } => {
    if ("key" in message) return { keyId: message.key.id };
    return { serializedId: typeof message.id === "string" ? message.id : message.id._serialized };
  });
/** `id` is the serialized id (`true_<chatId>_<msgId>`) that message.any and message.ack events carry. */
export type SentMessage = { id: string };

export const serverVersionSchema = z.object({
  version: z.string(),
  engine: z.string(),
  tier: z.string(),
  browser: z.string().nullish(),
  platform: z.string(),
  worker: z.object({ id: z.string().nullable() }).nullish(),
});
export type ServerVersion = z.infer<typeof serverVersionSchema>;

export const pingSchema = z.object({ message: z.string() });

const healthIndicatorsSchema = z.record(z.string(), z.looseObject({ status: z.string() })).nullish();
export const healthSchema = z.object({
  status: z.string(),
  info: healthIndicatorsSchema,
  error: healthIndicatorsSchema,
  details: healthIndicatorsSchema,
});
export type Health = z.infer<typeof healthSchema>;

// --- Webhook events (CONTRACT.md §5) ---

const envelopeFields = {
  /** "evt_" + ULID, identical on every retry: the dedupe key. */
  id: z.string(),
  /** Event creation time in ms. */
  timestamp: z.number(),
  session: z.string(),
  metadata: z.record(z.string(), z.string()).nullish(),
  me: meSchema.nullish(),
  engine: z.string(),
  environment: z.looseObject({}).nullish(),
};

export const sessionStatusPayloadSchema = z.looseObject({
  name: z.string(),
  status: sessionStatusSchema,
  statuses: z.array(z.object({ status: sessionStatusSchema, timestamp: z.number() })).nullish(),
  /** Passkey challenge or confirmation code (2026.7.1, GOWS). */
  data: z.unknown().optional(),
});

export const waMessageSchema = z.looseObject({
  id: z.string(),
  /** Seconds, unlike the envelope's milliseconds. */
  timestamp: z.number(),
  from: z.string(),
  fromMe: z.boolean(),
  to: z.string().nullish(),
  source: z.enum(["api", "app"]).nullish(),
  participant: z.string().nullish(),
  body: z.string().nullish(),
  hasMedia: z.boolean().nullish(),
  ack: z.number().nullish(),
  ackName: z.string().nullish(),
});
export type WaMessage = z.infer<typeof waMessageSchema>;

export const messageAckPayloadSchema = z.looseObject({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  participant: z.string().nullish(),
  fromMe: z.boolean(),
  /** -1 ERROR, 0 PENDING, 1 SERVER, 2 DEVICE, 3 READ, 4 PLAYED. */
  ack: z.number().int().min(-1).max(4),
  ackName: z.string(),
});

export const sessionStatusEventSchema = z.object({
  ...envelopeFields,
  event: z.literal("session.status"),
  payload: sessionStatusPayloadSchema,
});
export const messageEventSchema = z.object({
  ...envelopeFields,
  event: z.enum(["message", "message.any"]),
  payload: waMessageSchema,
});
export const messageAckEventSchema = z.object({
  ...envelopeFields,
  event: z.literal("message.ack"),
  payload: messageAckPayloadSchema,
});

const typedEventNames: ReadonlySet<string> = new Set(["session.status", "message", "message.any", "message.ack"]);

// Every other event passes through untyped, so a receiver can acknowledge it without understanding it; a malformed
// typed event must not slip through here.
export const otherWebhookEventSchema = z.object({
  ...envelopeFields,
  event: z.string().refine((name) => !typedEventNames.has(name), "typed event with an invalid payload"),
  payload: z.unknown(),
});

export const wahaWebhookEventSchema = z.union([
  z.discriminatedUnion("event", [sessionStatusEventSchema, messageEventSchema, messageAckEventSchema]),
  otherWebhookEventSchema,
]);
export type WahaWebhookEvent = z.infer<typeof wahaWebhookEventSchema>;

type TypedWebhookEvents = {
  "session.status": z.infer<typeof sessionStatusEventSchema>;
  message: z.infer<typeof messageEventSchema> & { event: "message" };
  "message.any": z.infer<typeof messageEventSchema> & { event: "message.any" };
  "message.ack": z.infer<typeof messageAckEventSchema>;
};

/** Narrows a parsed event; `event.event === …` alone cannot, because other events carry any string. */
export function isWahaEvent<K extends keyof TypedWebhookEvents>(
  event: WahaWebhookEvent,
  name: K,
): event is WahaWebhookEvent & TypedWebhookEvents[K] {
  return event.event === name;
}
