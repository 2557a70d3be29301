// REST contracts for chips: the schemas the routes validate with and the OpenAPI document shows.
import { z } from "zod";
import { ChipStatus } from "~/generated/prisma/enums";
import { deviceFingerprintSchema } from "~/server/chips/fingerprint";
import { LABEL_MAX_LENGTH } from "~/server/chips/chip-queries";
import { defineApiRoute } from "../api-contract";

export const chipSchema = z
  .object({
    id: z.uuid(),
    label: z.string(),
    status: z.enum(ChipStatus).describe("SCAN_QR_CODE: waiting for the QR to be scanned; WORKING: connected."),
    statusReason: z.string().nullable(),
    phoneNumber: z.string().nullable(),
    pushName: z.string().nullable(),
    device: deviceFingerprintSchema.nullable().describe("The device this chip presents itself as to WhatsApp."),
    proxy: z
      .object({ host: z.string(), port: z.number().int(), country: z.string().nullable(), health: z.string() })
      .nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    lastActivityAt: z.iso.datetime().nullable(),
  })
  .meta({ title: "Chip" });

export const chipIdParamsSchema = z.object({ id: z.uuid().describe("The chip's id.") });

export const listChipsRoute = defineApiRoute({
  method: "GET",
  path: "/api/v1/chips",
  operationId: "listChips",
  summary: "List chips",
  tag: "Chips",
  scope: "read",
  response: z.object({ chips: z.array(chipSchema) }),
  responseDescription: "The user's chips, newest first.",
});

export const createChipRoute = defineApiRoute({
  method: "POST",
  path: "/api/v1/chips",
  operationId: "createChip",
  summary: "Create a chip",
  description: "Starts a new WhatsApp session; poll the chip or its QR code until the status is SCAN_QR_CODE.",
  tag: "Chips",
  scope: "manage",
  body: z.object({ label: z.string().trim().min(1).max(LABEL_MAX_LENGTH).describe("A name to tell chips apart.") }),
  response: chipSchema,
  responseDescription: "The chip, being provisioned.",
  successStatus: 201,
  limits: ["chipCreatePerUser"],
  errors: ["CONFLICT", "UPSTREAM_UNAVAILABLE"],
});

export const getChipRoute = defineApiRoute({
  method: "GET",
  path: "/api/v1/chips/{id}",
  operationId: "getChip",
  summary: "Get a chip",
  tag: "Chips",
  scope: "read",
  params: chipIdParamsSchema,
  response: chipSchema,
  responseDescription: "The chip.",
  errors: ["NOT_FOUND"],
});

export const deleteChipRoute = defineApiRoute({
  method: "DELETE",
  path: "/api/v1/chips/{id}",
  operationId: "deleteChip",
  summary: "Delete a chip",
  description: "Logs the WhatsApp session out, removes it and releases its proxy.",
  tag: "Chips",
  scope: "manage",
  params: chipIdParamsSchema,
  responseDescription: "Deleted.",
  errors: ["NOT_FOUND", "UPSTREAM_UNAVAILABLE"],
});

export const getChipQrRoute = defineApiRoute({
  method: "GET",
  path: "/api/v1/chips/{id}/qr",
  operationId: "getChipQr",
  summary: "Get a chip's QR code",
  description: "Only while the chip's status is SCAN_QR_CODE; scan it in WhatsApp → Linked devices.",
  tag: "Chips",
  scope: "read",
  params: chipIdParamsSchema,
  response: z.object({
    mimetype: z.literal("image/png"),
    data: z.base64().describe("The PNG image, base64-encoded."),
  }),
  responseDescription: "The current QR code as a base64 PNG.",
  limits: ["qrReadPerChip"],
  errors: ["NOT_FOUND", "CONFLICT", "UPSTREAM_UNAVAILABLE"],
});

export const chipRoutes = [listChipsRoute, createChipRoute, getChipRoute, deleteChipRoute, getChipQrRoute] as const;
