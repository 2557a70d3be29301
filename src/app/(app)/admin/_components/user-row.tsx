"use client";

import { useLocale, useT } from "~/i18n/client";
import type { InstanceUsage, UserOverview } from "./admin-types";
import { StatusAction } from "./status-action";
import { UsageCell } from "./usage-cell";

const statusTones = {
  ACTIVE: "bg-emerald-100 text-emerald-800",
  SUSPENDED: "bg-red-100 text-red-800",
} as const;

export function UserRow({ user, usage, isSelf }: { user: UserOverview; usage?: InstanceUsage; isSelf: boolean }) {
  const t = useT();
  const locale = useLocale();
  const chipStatuses = Object.entries(user.chipsByStatus) as [keyof UserOverview["chipsByStatus"], number][];

  return (
    <tr data-testid="admin-user-row" data-email={user.email} className="border-b border-slate-100 align-top last:border-0">
      <td className="px-4 py-2">
        <div className="font-medium">
          {user.name}
          {user.role === "ADMIN" && <span className="ml-2 text-xs text-brand-700">{t("admin.role.ADMIN")}</span>}
          {isSelf && <span className="ml-2 text-xs text-slate-500">({t("admin.you")})</span>}
        </div>
        <div className="text-xs text-slate-500">{user.email}</div>
      </td>
      <td className="px-4 py-2">
        <span
          data-testid="admin-user-status"
          className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${statusTones[user.status]}`}
        >
          {t(`admin.status.${user.status}`)}
        </span>
      </td>
      <td className="px-4 py-2 text-xs">{new Date(user.createdAt).toLocaleDateString(locale)}</td>
      <td className="px-4 py-2 text-xs">
        {user.chipCount === 0 ? (
          <span className="text-slate-500">{t("admin.chips.none")}</span>
        ) : (
          <>
            <div className="font-medium">{t("admin.chips.total", { count: user.chipCount })}</div>
            {chipStatuses.map(([status, count]) => (
              <div key={status}>
                {count} · {t(`chips.status.${status}`)}
              </div>
            ))}
            {user.proxiedChips > 0 && <div>{t("admin.chips.proxied", { count: user.proxiedChips })}</div>}
          </>
        )}
      </td>
      <td className="px-4 py-2 text-xs">
        {user.instance ? (
          <>
            <div>{t(`admin.instance.status.${user.instance.status}`)}</div>
            <div className="font-mono text-slate-500">
              {user.instance.runtime.toLowerCase()}
              {user.instance.hostPort !== null && ` :${user.instance.hostPort}`}
            </div>
          </>
        ) : (
          <span className="text-slate-500">{t("admin.instance.none")}</span>
        )}
      </td>
      <td className="px-4 py-2 text-xs" data-testid="admin-user-usage">
        {user.instance && <UsageCell usage={usage} />}
      </td>
      <td className="px-4 py-2 text-right">{!isSelf && <StatusAction user={user} />}</td>
    </tr>
  );
}
