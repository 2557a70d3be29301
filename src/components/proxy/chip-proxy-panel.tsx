"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useErrorText } from "~/i18n/client";
import { useTRPC } from "~/trpc/react";
import { ProxyState } from "./proxy-state";

/** ProxyState wired to the proxy router: loads the chip's exit and refreshes it (and the quota) after each action. */
export function ChipProxyPanel({ chipId }: { chipId: string }) {
  const trpc = useTRPC();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const proxy = useQuery(trpc.proxy.get.queryOptions({ chipId }));
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.proxy.get.queryKey({ chipId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.proxy.quota.queryKey() }),
    ]);
  const check = useMutation(trpc.proxy.check.mutationOptions({ onSettled: refresh }));
  const rotate = useMutation(trpc.proxy.rotate.mutationOptions({ onSettled: refresh }));

  if (proxy.isPending) return null;
  const failed = proxy.error ?? check.error ?? rotate.error;
  return (
    <ProxyState
      proxy={proxy.data ?? null}
      onCheck={() => check.mutate({ chipId })}
      onRotate={() => rotate.mutate({ chipId })}
      pending={check.isPending ? "check" : rotate.isPending ? "rotate" : null}
      error={failed ? errorText(failed.message) : null}
    />
  );
}
