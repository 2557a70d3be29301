"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useT } from "~/i18n/client";
import { useTRPC } from "~/trpc/react";
import { ChipActions } from "./chip-actions";
import { type Chip, type ChipStreamEvent, formatPhone } from "./chip-types";
import { StatusBadge } from "./status-badge";
import { useEventStream } from "./use-event-stream";
import type { MessageKey } from "~/i18n/messages";

const proxyHealthTone: Record<string, string> = { HEALTHY: "text-green-700", UNHEALTHY: "text-red-700" };

/** The user's chips, kept current by the account-wide event stream. */
export function ChipList() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listKey = trpc.chip.list.queryKey();
  const chips = useQuery(trpc.chip.list.queryOptions());

  useEventStream("/api/chips/events", (event: ChipStreamEvent) => {
    if (event.type === "chips") queryClient.setQueryData(listKey, event.chips);
    if (event.type !== "chip") return;
    queryClient.setQueryData(listKey, (current: Chip[] | undefined) => upsert(current ?? [], event.chip));
  });

  if (chips.data?.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
        <h2 className="text-lg font-medium">{t("chips.empty.title")}</h2>
        <p className="mx-auto mt-2 max-w-md text-sm text-slate-600">{t("chips.empty.body")}</p>
      </div>
    );
  }
  if (!chips.data) return null;

  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
          <tr>
            <th className="px-4 py-2">{t("chips.col.label")}</th>
            <th className="px-4 py-2">{t("chips.col.status")}</th>
            <th className="px-4 py-2">{t("chips.col.number")}</th>
            <th className="px-4 py-2">{t("chips.col.proxy")}</th>
            <th className="px-4 py-2">{t("chips.col.lastActivity")}</th>
            <th className="px-4 py-2">{t("chips.col.created")}</th>
            <th className="px-4 py-2">{t("chips.col.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {chips.data.map((chip) => (
            <tr key={chip.id} data-testid="chip-row" data-chip-id={chip.id} className="border-b border-slate-100 last:border-0">
              <td className="px-4 py-2 font-medium">
                <Link href={`/chips/${chip.id}`} className="text-brand-700 hover:underline">
                  {chip.label}
                </Link>
              </td>
              <td className="px-4 py-2">
                <StatusBadge status={chip.status} />
              </td>
              <td className="px-4 py-2 font-mono text-xs">{formatPhone(chip.phoneNumber) ?? t("chips.noNumber")}</td>
              <td className="px-4 py-2 text-xs" data-testid="chip-row-proxy">
                {chip.proxy ? (
                  <>
                    {chip.proxy.host}:{chip.proxy.port}
                    <span className={`block ${proxyHealthTone[chip.proxy.health] ?? "text-slate-500"}`}>
                      {t(`proxy.health.${chip.proxy.health}` as MessageKey)}
                    </span>
                  </>
                ) : (
                  t("chips.noProxy")
                )}
              </td>
              <td className="px-4 py-2 text-xs">
                {chip.lastActivityAt ? new Date(chip.lastActivityAt).toLocaleString(locale) : t("chips.noActivity")}
              </td>
              <td className="px-4 py-2 text-xs">{new Date(chip.createdAt).toLocaleString(locale)}</td>
              <td className="px-4 py-2">
                <ChipActions chip={chip} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function upsert(list: Chip[], chip: Chip): Chip[] {
  if (chip.status === "DELETED") return list.filter((c) => c.id !== chip.id);
  const index = list.findIndex((c) => c.id === chip.id);
  if (index === -1) return [chip, ...list];
  return list.map((c) => (c.id === chip.id ? chip : c));
}
