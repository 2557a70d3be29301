"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "~/components/ui/button";
import { useApiErrorText, useT } from "~/i18n/client";
import { useTRPC } from "~/trpc/react";
import type { UserOverview } from "./admin-types";

/** Suspend or reactivate one account, after the operator confirms. */
export function StatusAction({ user }: { user: Pick<UserOverview, "id" | "email" | "status"> }) {
  const t = useT();
  const errorText = useApiErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setStatus = useMutation(
    trpc.admin.setUserStatus.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.users.queryKey() }),
    }),
  );
  const suspending = user.status === "ACTIVE";

  return (
    <div className="space-y-1">
      <Button
        type="button"
        variant={suspending ? "danger" : "secondary"}
        disabled={setStatus.isPending}
        onClick={() => {
          const question = t(suspending ? "admin.suspendConfirm" : "admin.reactivateConfirm", { email: user.email });
          if (window.confirm(question)) {
            setStatus.mutate({ userId: user.id, status: suspending ? "SUSPENDED" : "ACTIVE" });
          }
        }}
      >
        {t(suspending ? "admin.suspend" : "admin.reactivate")}
      </Button>
      {setStatus.error && (
        <p role="alert" className="text-xs text-red-700">
          {errorText(setStatus.error)}
        </p>
      )}
    </div>
  );
}
