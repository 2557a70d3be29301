"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "~/components/ui/button";
import { useLocale, useT } from "~/i18n/client";
import { useTRPC } from "~/trpc/react";

export function ApiKeyList() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.apiKey.list.queryOptions());
  const revoke = useMutation(
    trpc.apiKey.revoke.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.apiKey.list.queryKey() }),
    }),
  );
  const date = (d: Date | null) => (d ? d.toLocaleString(locale) : t("apiKeys.never"));

  return (
    <div className="space-y-3">
      <h2 className="text-lg font-medium">{t("apiKeys.list.title")}</h2>
      {keys.data?.length === 0 && <p className="text-sm text-slate-600">{t("apiKeys.list.empty")}</p>}
      {!!keys.data?.length && (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-500">
              <tr>
                {(["name", "prefix", "scopes", "created", "lastUsed", "status"] as const).map((col) => (
                  <th key={col} className="px-4 py-2 font-medium">
                    {t(`apiKeys.col.${col}`)}
                  </th>
                ))}
                <th className="px-4 py-2" />
              </tr>
            </thead>
            <tbody>
              {keys.data.map((key) => (
                <tr key={key.id} data-testid="api-key-row" className="border-b border-slate-100 last:border-0">
                  <td className="px-4 py-2">{key.name}</td>
                  <td className="px-4 py-2 font-mono text-xs">{key.prefix}…</td>
                  <td className="px-4 py-2">{key.scopes.join(", ")}</td>
                  <td className="px-4 py-2">{date(key.createdAt)}</td>
                  <td className="px-4 py-2">{date(key.lastUsedAt)}</td>
                  <td className="px-4 py-2">{key.revokedAt ? t("apiKeys.revoked") : t("apiKeys.active")}</td>
                  <td className="px-4 py-2 text-right">
                    {!key.revokedAt && (
                      <Button
                        type="button"
                        variant="danger"
                        disabled={revoke.isPending}
                        onClick={() => {
                          if (window.confirm(t("apiKeys.revokeConfirm", { name: key.name }))) revoke.mutate({ id: key.id });
                        }}
                      >
                        {t("apiKeys.revoke")}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
