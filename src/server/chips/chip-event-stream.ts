// Server-Sent Events for chip pages: a snapshot on connect (so a late page shows the current QR), then every change
// pushed by the webhook route, provisioning and sends (status, QR, messages), with heartbeats so proxies keep the
// connection open.
import { db } from "~/server/db";
import { type ChipEvent, lastProgressOf, subscribeToChip, subscribeToUserChips } from "./chip-bus";
import { currentChipQr } from "./chip-qr";
import { type ChipRef, findOwnedChip, listChips, loadChipView } from "./chip-queries";
import type { ChipView } from "./chip-view";

export type StreamEvent = ChipEvent | { type: "chips"; chips: ChipView[] };
export type StreamOptions = { signal: AbortSignal; heartbeatMs?: number };

const encoder = new TextEncoder();
const frame = (event: StreamEvent) => encoder.encode(`data: ${JSON.stringify(event)}\n\n`);
const HEARTBEAT = encoder.encode(": ping\n\n");

/** One chip's status, progress and QR; NOT_FOUND (before anything is streamed) for a chip the user does not own. */
export async function openChipEventStream({ userId, chipId, ...options }: ChipRef & StreamOptions) {
  const chip = await findOwnedChip({ userId, chipId });
  return openStream(options, {
    subscribe: (listener) => subscribeToChip(chip.id, listener),
    async snapshot(send, seen) {
      if (!seen.has("chip")) send({ type: "chip", chip: await loadChipView(chip.id) });
      const step = lastProgressOf(chip.id);
      if (step && !seen.has("progress")) send(step);
      const row = await db.chip.findUniqueOrThrow({
        where: { id: chip.id },
        select: { status: true, sessionName: true, instanceId: true, statusEventAt: true },
      });
      if (row.status !== "SCAN_QR_CODE") return;
      const qr = await currentChipQr({ chipId: chip.id, ...row });
      // A pushed QR that arrived while this one was being fetched is newer: keep that one.
      if (qr && !seen.has("qr")) send({ type: "qr", chipId: chip.id, qr });
    },
  });
}

// QR images and messages stay on the chip's own stream: the list page shows neither.
const LIST_PAGE_EVENTS = new Set<ChipEvent["type"]>(["chip", "progress"]);

/** Status changes of all the user's chips, for the list page. */
export function openUserChipEventStream({ userId, ...options }: { userId: string } & StreamOptions) {
  return openStream(options, {
    subscribe: (listener) => subscribeToUserChips(userId, (event) => LIST_PAGE_EVENTS.has(event.type) && listener(event)),
    async snapshot(send) {
      send({ type: "chips", chips: await listChips({ userId }) });
    },
  });
}

type StreamSource = {
  subscribe(listener: (event: ChipEvent) => void): () => void;
  snapshot(send: (event: StreamEvent) => void, seen: ReadonlySet<StreamEvent["type"]>): Promise<void>;
};

function openStream({ signal, heartbeatMs = 15_000 }: StreamOptions, source: StreamSource): ReadableStream<Uint8Array> {
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const seen = new Set<StreamEvent["type"]>();
      const send = (event: StreamEvent) => {
        if (open) controller.enqueue(frame(event));
      };
      // Subscribe before the snapshot so nothing that happens in between is lost.
      const unsubscribe = source.subscribe((event) => {
        seen.add(event.type);
        send(event);
      });
      const heartbeat = setInterval(() => open && controller.enqueue(HEARTBEAT), heartbeatMs);
      cleanup = () => {
        if (!open) return;
        open = false;
        unsubscribe();
        clearInterval(heartbeat);
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      if (signal.aborted) return cleanup();
      signal.addEventListener("abort", () => cleanup(), { once: true });
      void source.snapshot(send, seen).catch((err: unknown) => {
        console.error("[chips] stream snapshot failed", err instanceof Error ? err.message : err);
      });
    },
    cancel() {
      cleanup();
    },
  });
}
