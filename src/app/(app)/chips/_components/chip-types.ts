import type { RouterOutputs } from "~/trpc/react";

export type Chip = RouterOutputs["chip"]["get"];
export type ChipStatus = Chip["status"];
export type ChipMessage = RouterOutputs["chip"]["messages"]["items"][number];
export type ChipQr = { mimetype: string; data: string; expiresAt: number; lifetimeMs: number };
export type ProgressStep = "creating" | "starting" | "waiting_ready" | "ready" | "failed";

/** What /api/chips/… event streams send, one JSON object per SSE data frame. */
export type ChipStreamEvent =
  | { type: "chip"; chip: Chip }
  | { type: "chips"; chips: Chip[] }
  | { type: "qr"; chipId: string; qr: ChipQr }
  | { type: "progress"; chipId: string; step: ProgressStep; message?: string }
  | { type: "message"; chipId: string; message: ChipMessage };

export function formatPhone(digits: string | null): string | null {
  return digits ? `+${digits}` : null;
}
