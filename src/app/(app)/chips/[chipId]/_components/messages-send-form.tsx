"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { useApiErrorText, useT } from "~/i18n/client";
import { toChatId } from "~/lib/chips/chat-id";
import { useTRPC } from "~/trpc/react";
import type { ChipMessage } from "../../_components/chip-types";

type FieldErrors = { recipient?: string; text?: string };

/**
 * Recipient and text, checked here with the server's own recipient rule. The send runs in the background: the list
 * stays live and the form stays editable; only a second click on Send waits for the first.
 */
export function MessagesSendForm({ chipId, onSent }: { chipId: string; onSent: (message: ChipMessage) => void }) {
  const t = useT();
  const apiErrorText = useApiErrorText();
  const trpc = useTRPC();
  const [recipient, setRecipient] = useState("");
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const send = useMutation(
    trpc.chip.sendMessage.mutationOptions({
      onSuccess: (message) => {
        onSent(message);
        setText("");
      },
    }),
  );

  function validate(): FieldErrors {
    if (!recipient.trim()) return { recipient: t("chips.messages.recipientRequired") };
    if (!toChatId(recipient)) return { recipient: t("chips.messages.recipientInvalid") };
    if (!text.trim()) return { text: t("error.text_required") };
    return {};
  }

  const serverError = send.error ? apiErrorText(send.error) : null;
  const recipientRefused = send.error?.message === "invalid_chat_id";
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const found = validate();
        setErrors(found);
        if (found.recipient || found.text) return;
        send.reset();
        send.mutate({ chipId, chatId: toChatId(recipient)!, text });
      }}
    >
      <Field
        name="recipient"
        label={t("chips.messages.recipient")}
        inputMode="tel"
        autoComplete="off"
        placeholder="+55 11 98765-4321"
        value={recipient}
        onChange={(e) => setRecipient(e.target.value)}
        error={errors.recipient ?? (recipientRefused ? t("chips.messages.recipientInvalid") : undefined)}
      />
      <div className="space-y-1">
        <label htmlFor="message-text" className="block text-sm font-medium text-slate-700">
          {t("chips.messages.text")}
        </label>
        <textarea
          id="message-text"
          name="text"
          rows={3}
          maxLength={4096}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={errors.text ? "message-text-note" : undefined}
          className={`block w-full rounded-md border px-3 py-2 text-sm shadow-sm outline-none focus:ring-2 focus:ring-brand-500 ${errors.text ? "border-red-500" : "border-slate-300"}`}
        />
        {errors.text && (
          <p id="message-text-note" className="text-xs text-red-600">
            {errors.text}
          </p>
        )}
      </div>
      <Button type="submit" disabled={send.isPending}>
        {send.isPending ? t("chips.messages.sending") : t("chips.messages.send")}
      </Button>
      {serverError && !recipientRefused && <Alert>{serverError}</Alert>}
      {send.isSuccess && (
        <p role="status" className="text-sm text-emerald-700">
          {t("chips.messages.sent")}
        </p>
      )}
    </form>
  );
}
