"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { useApiErrorText, useT } from "~/i18n/client";
import { useTRPC } from "~/trpc/react";

export function AddChipForm() {
  const t = useT();
  const errorText = useApiErrorText();
  const router = useRouter();
  const trpc = useTRPC();
  const [label, setLabel] = useState("");
  const create = useMutation(trpc.chip.create.mutationOptions({ onSuccess: (chip) => router.push(`/chips/${chip.id}`) }));

  return (
    <form
      className="flex items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ label });
      }}
    >
      <div className="w-72">
        <Field
          name="label"
          label={t("chips.add.label")}
          placeholder={t("chips.add.placeholder")}
          value={label}
          maxLength={60}
          required
          onChange={(e) => setLabel(e.target.value)}
          error={create.error ? errorText(create.error) : undefined}
        />
      </div>
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? t("chips.add.adding") : t("chips.add")}
      </Button>
    </form>
  );
}
