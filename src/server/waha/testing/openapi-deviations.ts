// Where WAHA 2026.7.1 itself answers differently from its published OpenAPI document, the contract check follows
// WAHA as CONTRACT.md records it. Each entry is one property, with the section that documents the real behaviour;
// everything else is checked exactly as published.

type Schema = Record<string, unknown>;

export type SchemaDeviation = {
  /** A component name, or a pattern for a family (every webhook envelope). */
  schema: string | RegExp;
  /** The property to patch; without it the whole component is patched. */
  property?: string;
  /** CONTRACT.md section describing WAHA's real answer. */
  source: string;
  patch: (published: Schema) => Schema;
};

const orNull = (published: Schema): Schema => ({ anyOf: [published, { type: "null" }] });
const withoutRequired = (name: string) => (published: Schema): Schema => ({
  ...published,
  required: (published.required as string[]).filter((r) => r !== name),
});
const webhookEnvelopes = /^WAHAWebhook/;

export const schemaDeviations: SchemaDeviation[] = [
  { schema: "SessionInfo", property: "me", source: "§1.3, §10: me is null until the session is paired", patch: orNull },
  {
    schema: "SessionInfo",
    property: "presence",
    source: "§1.3: presence is \"online\" | \"offline\" | null (published as an object)",
    patch: () => ({ enum: ["online", "offline", null] }),
  },
  {
    schema: "WebhookConfig",
    property: "events",
    source: "§2, §5.2: event names or \"*\" (the generator published the enum items as objects)",
    patch: () => ({ type: "array", items: { type: "string" } }),
  },
  { schema: "WAHAEnvironment", property: "browser", source: "§5.1: null for engines without a browser", patch: orNull },
  { schema: webhookEnvelopes, property: "me", source: "§5.1: me is null until the session is paired", patch: orNull },
  { schema: "WAMessage", property: "participant", source: "§5.4: null outside groups", patch: orNull },
  { schema: "WAMessage", property: "media", source: "§5.4: null without media", patch: orNull },
  { schema: "WAMessage", property: "location", source: "§5.4: null unless a location", patch: orNull },
  { schema: "WAMessage", property: "replyTo", source: "§5.4: null unless a reply", patch: orNull },
  { schema: "WAMessage", source: "§5.4: no deprecated mediaUrl (media.url replaces it)", patch: withoutRequired("mediaUrl") },
  { schema: "WAMessageAckBody", property: "participant", source: "§5.5: null outside groups", patch: orNull },
];

const idString = { type: "string" };

/** Whole answers WAHA shapes differently from the document, by "METHOD template status" (JSON Schema 2020-12). */
export const responseDeviations: ReadonlyMap<string, { source: string; schema: Schema }> = new Map([
  [
    "POST /api/sendText 201",
    {
      source: "§6: engine-specific (GOWS {id}, WEBJS {id: {_serialized}}, NOWEB {key: {id}}), published as WAMessage",
      schema: {
        anyOf: [
          { type: "object", required: ["id"], properties: { id: idString } },
          { type: "object", required: ["id"], properties: { id: { type: "object", required: ["_serialized"], properties: { _serialized: idString } } } },
          { type: "object", required: ["key"], properties: { key: { type: "object", required: ["id"], properties: { id: idString } } } },
        ],
      },
    },
  ],
]);

/** Operations whose handler may return null, which NestJS sends as an empty body (CONTRACT.md §1, §1.1). */
export const emptyBodyOperations: ReadonlySet<string> = new Set([
  "GET /api/sessions/{session}/me 200",
  "POST /api/sessions/{session}/stop 201",
]);

export function applySchemaDeviations(defs: Record<string, Schema>, deviations: SchemaDeviation[]): void {
  for (const { schema, property, patch } of deviations) {
    const names = typeof schema === "string" ? [schema] : Object.keys(defs).filter((name) => schema.test(name));
    const targets = names.filter((name) => defs[name] && (!property || (defs[name].properties as Schema | undefined)?.[property]));
    // A stale entry must not silently widen nothing: the document changed, so the list needs a look.
    if (targets.length === 0) throw new Error(`OpenAPI deviation for ${String(schema)}.${property ?? "*"}: no such schema or property`);
    for (const name of targets) {
      if (!property) defs[name] = patch(defs[name]!);
      else {
        const properties = defs[name]!.properties as Record<string, Schema>;
        properties[property] = patch(properties[property]!);
      }
    }
  }
}
