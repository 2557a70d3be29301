// What an API key may do. Pure constants, safe to import from the UI.
import { z } from "zod";

export const apiKeyScopes = ["read", "send", "manage"] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];
export const apiKeyScopeSchema = z.enum(apiKeyScopes);

/** Shown in the API docs next to each route's required scope. */
export const apiKeyScopeDescriptions: Record<ApiKeyScope, string> = {
  read: "List and read chips, read QR codes and messages.",
  send: "Send messages from a chip.",
  manage: "Create and delete chips.",
};

export const API_KEY_NAME_MAX_LENGTH = 60;
