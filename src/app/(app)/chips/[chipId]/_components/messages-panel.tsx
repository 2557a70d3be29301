"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Alert } from "~/components/ui/alert";
import { useApiErrorText, useLocale, useT } from "~/i18n/client";
import { useTRPC } from "~/trpc/react";
import type { ChipMessage } from "../../_components/chip-types";
import { messagesInput, useMergeChipMessage } from "./messages-cache";
import { MessageAck } from "./messages-ack";
import { MessagesSendForm } from "./messages-send-form";
import type { StreamState } from "../../_components/use-event-stream";

/**
 * A connected chip's recent messages, kept live by the chip's event stream (the page merges its pushes into this
 * list), and the form to send one. `live` is that stream's state: after a drop the list is reloaded, since pushes
 * made while it was away are not replayed.
 */
export function MessagesPanel({ chipId, live }: { chipId: string; live: StreamState }) {
  const t = useT();
  const apiErrorText = useApiErrorText();
  const trpc = useTRPC();
  const messages = useQuery(trpc.chip.messages.queryOptions(messagesInput(chipId)));
  const merge = useMergeChipMessage(chipId);
  const { refetch } = messages;
  const dropped = useRef(false);
  useEffect(() => {
    if (live === "reconnecting") dropped.current = true;
    if (live === "open" && dropped.current) {
      dropped.current = false;
      void refetch();
    }
  }, [live, refetch]);

  return (
    <section className="grid gap-6 md:grid-cols-[3fr_2fr]" aria-labelledby="messages-title">
      <div className="space-y-3">
        <h2 id="messages-title" className="text-lg font-medium">
          {t("chips.messages.title")}
        </h2>
        {messages.error && <Alert>{apiErrorText(messages.error)}</Alert>}
        {messages.data?.items.length === 0 && <p className="text-sm text-slate-600">{t("chips.messages.empty")}</p>}
        <ol data-testid="message-list" className="max-h-[28rem] space-y-2 overflow-y-auto">
          {messages.data?.items.map((message) => <MessageRow key={message.id} message={message} />)}
        </ol>
      </div>
      <MessagesSendForm chipId={chipId} onSent={merge} />
    </section>
  );
}

/** "5511987654321@c.us" reads as a phone number; groups and other ids are shown as they are. */
function chatLabel(chatId: string): string {
  const [user, server] = chatId.split("@");
  return server === "c.us" && user ? `+${user}` : chatId;
}

function MessageRow({ message }: { message: ChipMessage }) {
  const t = useT();
  const locale = useLocale();
  const outbound = message.direction === "OUTBOUND";
  const chat = chatLabel(message.chatId);
  return (
    <li
      data-testid="message"
      data-direction={message.direction}
      className={`rounded-lg border px-3 py-2 text-sm ${outbound ? "ml-8 border-emerald-200 bg-emerald-50" : "mr-8 border-slate-200 bg-white"}`}
    >
      <p className="flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500">
        <span>{t(outbound ? "chips.messages.outbound" : "chips.messages.inbound", { chat })}</span>
        <span className="flex items-center gap-2">
          <time dateTime={message.createdAt}>
            {new Date(message.createdAt).toLocaleString(locale, { dateStyle: "short", timeStyle: "short" })}
          </time>
          {outbound && <MessageAck ack={message.ack} />}
        </span>
      </p>
      <p className="mt-1 break-words whitespace-pre-wrap text-slate-900">{message.text}</p>
    </li>
  );
}
