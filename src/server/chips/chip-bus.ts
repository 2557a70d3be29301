// In-process pub/sub from the webhook route and provisioning to the SSE streams. One bus per Node process, kept on
// globalThis because Next may load this module once per route bundle.
import { EventEmitter } from "node:events";
import type { ProvisioningStep } from "~/server/waha/runtime/types";
import type { ChipMessageView } from "./chip-messages";
import type { ChipView } from "./chip-view";

export type ChipQrView = { mimetype: string; data: string; expiresAt: number; lifetimeMs: number };

export type ChipEvent =
  | { type: "chip"; chip: ChipView }
  | { type: "qr"; chipId: string; qr: ChipQrView }
  | { type: "progress"; chipId: string; step: ProvisioningStep; message?: string }
  /** A message row was created or its ack moved: the whole row, so a page merges it by id. */
  | { type: "message"; chipId: string; message: ChipMessageView };

type Listener = (event: ChipEvent) => void;

type ProgressEvent = Extract<ChipEvent, { type: "progress" }>;
const store = globalThis as unknown as { whagoChipBus?: EventEmitter; whagoChipProgress?: Map<string, ProgressEvent> };
// The last provisioning step per chip still being set up, so a page that connects mid-way shows where it is.
const progress = () => (store.whagoChipProgress ??= new Map());
function bus(): EventEmitter {
  if (!store.whagoChipBus) {
    store.whagoChipBus = new EventEmitter();
    // One listener per open browser tab; the default cap of 10 would warn on a busy chip.
    store.whagoChipBus.setMaxListeners(0);
  }
  return store.whagoChipBus;
}

const chipTopic = (chipId: string) => `chip:${chipId}`;
const userTopic = (userId: string) => `user:${userId}`;

export function publishChipEvent(userId: string, chipId: string, event: ChipEvent): void {
  if (event.type === "progress") progress().set(chipId, event);
  if (event.type === "chip" && event.chip.status !== "CREATING") progress().delete(chipId);
  bus().emit(chipTopic(chipId), event);
  bus().emit(userTopic(userId), event);
}

/** Returns the unsubscribe function. */
export function subscribeToChip(chipId: string, listener: Listener): () => void {
  bus().on(chipTopic(chipId), listener);
  return () => bus().off(chipTopic(chipId), listener);
}

export function subscribeToUserChips(userId: string, listener: Listener): () => void {
  bus().on(userTopic(userId), listener);
  return () => bus().off(userTopic(userId), listener);
}

export function lastProgressOf(chipId: string): ProgressEvent | null {
  return progress().get(chipId) ?? null;
}
