"use client";

import { useQuery } from "@tanstack/react-query";
import { useT } from "~/i18n/client";
import { useTRPC } from "~/trpc/react";

/** "Proxies in use: 3 of 10", highlighted once the user has no slot left. */
export function ProxyQuota({ used, limit }: { used: number; limit: number }) {
  const t = useT();
  const full = used >= limit;
  return (
    <span data-testid="proxy-quota" data-full={full} className={`text-sm ${full ? "text-red-700" : "text-slate-600"}`}>
      {t("proxy.quota", { used, limit })}
    </span>
  );
}

/** The signed-in user's quota, from the proxy router. */
export function ProxyQuotaLive() {
  const trpc = useTRPC();
  const quota = useQuery(trpc.proxy.quota.queryOptions());
  return quota.data ? <ProxyQuota {...quota.data} /> : null;
}
