"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "~/components/ui/button";
import { useErrorText, useT } from "~/i18n/client";
import { useTRPC } from "~/trpc/react";
import type { Chip } from "./chip-types";

/** Restart, log out, rename and delete, each confirmed where it cannot be undone. */
export function ChipActions({ chip, onDeleted }: { chip: Chip; onDeleted?: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.chip.list.queryKey() });
  const restart = useMutation(trpc.chip.restart.mutationOptions({ onSuccess: refresh }));
  const logout = useMutation(trpc.chip.logout.mutationOptions({ onSuccess: refresh }));
  const rename = useMutation(trpc.chip.rename.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.chip.remove.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDeleted?.();
      },
    }),
  );
  const ref = { chipId: chip.id };
  const failed = [restart, logout, rename, remove].find((m) => m.error);

  return (
    <div className="flex flex-wrap items-center gap-1">
      <Button type="button" variant="ghost" disabled={restart.isPending} onClick={() => restart.mutate(ref)}>
        {t("chips.restart")}
      </Button>
      {chip.status === "WORKING" && (
        <Button
          type="button"
          variant="ghost"
          disabled={logout.isPending}
          onClick={() => confirm(t("chips.logoutConfirm", { label: chip.label })) && logout.mutate(ref)}
        >
          {t("chips.logout")}
        </Button>
      )}
      <Button
        type="button"
        variant="ghost"
        onClick={() => {
          const label = prompt(t("chips.rename.prompt"), chip.label);
          if (label?.trim()) rename.mutate({ ...ref, label });
        }}
      >
        {t("chips.rename")}
      </Button>
      <Button
        type="button"
        variant="ghost"
        className="text-red-700"
        disabled={remove.isPending}
        onClick={() => confirm(t("chips.deleteConfirm", { label: chip.label })) && remove.mutate(ref)}
      >
        {t("chips.delete")}
      </Button>
      {failed?.error && (
        <span role="alert" className="text-xs text-red-700">
          {errorText(failed.error.message)}
        </span>
      )}
    </div>
  );
}
