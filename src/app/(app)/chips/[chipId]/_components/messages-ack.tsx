"use client";

import { useT } from "~/i18n/client";

// WAHA's ack levels: -1 error, 0 pending, 1 server, 2 device, 3 read, 4 played.
const ackNames = ["pending", "sent", "delivered", "read", "played"] as const;
type AckName = (typeof ackNames)[number] | "failed";

const ticks: Record<AckName, { mark: string; tone: string }> = {
  failed: { mark: "!", tone: "text-red-600" },
  pending: { mark: "◷", tone: "text-slate-400" },
  sent: { mark: "✓", tone: "text-slate-500" },
  delivered: { mark: "✓✓", tone: "text-slate-500" },
  read: { mark: "✓✓", tone: "text-sky-600" },
  played: { mark: "✓✓", tone: "text-sky-600" },
};

export function ackName(ack: number): AckName {
  return ack < 0 ? "failed" : (ackNames[Math.min(ack, ackNames.length - 1)] ?? "pending");
}

/** WhatsApp-style ticks for an outbound message, named for screen readers and tests. */
export function MessageAck({ ack }: { ack: number }) {
  const t = useT();
  const name = ackName(ack);
  const label = t(`chips.messages.ack.${name}`);
  return (
    <span data-testid="message-ack" data-ack={name} title={label} aria-label={label} className={`font-medium ${ticks[name].tone}`}>
      {ticks[name].mark}
    </span>
  );
}
