// REST contracts for a chip's messages.
import { z } from "zod";
import { defineApiRoute } from "../api-contract";
import { chipIdParamsSchema } from "./chip-routes";

export const messageSchema = z
  .object({
    id: z.uuid(),
    direction: z.enum(["INBOUND", "OUTBOUND"]),
    chatId: z.string().describe("WhatsApp chat id, e.g. 5511999998888@c.us."),
    text: z.string(),
    wahaId: z.string().nullable(),
    ack: z.number().int().describe("-1 error, 0 pending, 1 server, 2 device, 3 read, 4 played."),
    createdAt: z.iso.datetime(),
  })
  .meta({ title: "Message" });

export const sendMessageRoute = defineApiRoute({
  method: "POST",
  path: "/api/v1/chips/{id}/messages",
  operationId: "sendMessage",
  summary: "Send a text message",
  description:
    "The chip must be WORKING (connected). Sends are paced per chip (RATE_LIMIT_MESSAGE_SEND_PER_CHIP) so WhatsApp " +
    "does not flag the number; a send over the pace answers 429 with Retry-After and is not sent.",
  tag: "Messages",
  scope: "send",
  params: chipIdParamsSchema,
  body: z.object({
    chatId: z.string().min(1).describe("A phone number with country code (5511999998888) or a WhatsApp chat id."),
    text: z.string().min(1).max(4096),
  }),
  response: messageSchema,
  responseDescription: "The message as sent.",
  successStatus: 201,
  // Counted in sendChipMessage, so the dashboard and the API draw on one budget per number.
  domainLimits: ["messageSendPerChip"],
  errors: ["NOT_FOUND", "CONFLICT", "UPSTREAM_UNAVAILABLE"],
});

export const listMessagesRoute = defineApiRoute({
  method: "GET",
  path: "/api/v1/chips/{id}/messages",
  operationId: "listMessages",
  summary: "List a chip's messages",
  description: "Newest first. Pass `nextCursor` back as `cursor` for the next page.",
  tag: "Messages",
  scope: "read",
  params: chipIdParamsSchema,
  query: z.object({
    limit: z.coerce.number().int().min(1).max(200).optional().describe("Page size, 1-200 (default 50)."),
    cursor: z.uuid().optional().describe("The `nextCursor` of the previous page."),
  }),
  response: z.object({ items: z.array(messageSchema), nextCursor: z.uuid().nullable() }),
  responseDescription: "One page of messages.",
  errors: ["NOT_FOUND"],
});

export const messageRoutes = [sendMessageRoute, listMessagesRoute] as const;
