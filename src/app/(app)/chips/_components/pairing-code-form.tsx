"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { useErrorText, useT } from "~/i18n/client";
import { useTRPC } from "~/trpc/react";

/** The alternative to scanning: the phone number in, an 8-character code out, typed on the phone. */
export function PairingCodeForm({ chipId }: { chipId: string }) {
  const t = useT();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [phoneNumber, setPhoneNumber] = useState("");
  const request = useMutation(trpc.chip.requestPairingCode.mutationOptions());

  if (!open) {
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        {t("chips.live.usePairingCode")}
      </Button>
    );
  }
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        request.mutate({ chipId, phoneNumber });
      }}
    >
      <Field
        name="phoneNumber"
        label={t("chips.live.phoneLabel")}
        inputMode="tel"
        placeholder="5511987654321"
        value={phoneNumber}
        onChange={(e) => setPhoneNumber(e.target.value)}
        error={request.error ? errorText(request.error.message) : undefined}
      />
      <Button type="submit" disabled={request.isPending}>
        {t("chips.live.getCode")}
      </Button>
      {request.data && (
        <div role="status" className="space-y-1 text-sm">
          <p>{t("chips.live.codeHelp")}</p>
          <p data-testid="pairing-code" className="font-mono text-2xl tracking-widest">
            {request.data.code}
          </p>
        </div>
      )}
    </form>
  );
}
