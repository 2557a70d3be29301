// The chips domain: what tRPC, the REST API, the SSE stream and the webhook route call.
export type { ChipView, ChipProxyView } from "./chip-view";
export type { DeviceFingerprint } from "./fingerprint";
export type { ChipEvent, ChipQrView } from "./chip-bus";
export type { ChipMessageView } from "./chip-messages";
export { listChips, getChip, renameChip, LABEL_MAX_LENGTH } from "./chip-queries";
export { createChip } from "./create-chip";
export { removeChip } from "./remove-chip";
export { restartChip, logoutChip, requestChipPairingCode } from "./chip-actions";
export { getChipQr } from "./chip-qr";
export { sendChipMessage, listChipMessages } from "./chip-messages";
export { receiveWahaWebhook } from "./receive-waha-webhook";
export { openChipEventStream, openUserChipEventStream } from "./chip-event-stream";
export { syncChipStatuses } from "./sync-chip-statuses";
export { pruneWebhookEvents, webhookEventRetentionCutoff } from "./prune-webhook-events";
export { rotateChipProxy } from "./rotate-chip-proxy";
