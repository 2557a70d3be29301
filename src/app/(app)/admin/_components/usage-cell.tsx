"use client";

import { useLocale, useT } from "~/i18n/client";
import type { InstanceUsage } from "./admin-types";
import { formatBytes, formatPercent } from "./format-usage";

export function UsageCell({ usage }: { usage?: InstanceUsage }) {
  const t = useT();
  const locale = useLocale();
  // Usage loads separately from the users (it waits on the runtime): until it arrives there is nothing to say.
  if (!usage) return null;
  if (usage.state === "not_running") return <span className="text-slate-500">{t("admin.usage.notRunning")}</span>;
  if (usage.state === "unknown" || usage.memoryBytes === null) {
    return <span className="text-slate-500">{t("admin.usage.unknown")}</span>;
  }
  const used = formatBytes(usage.memoryBytes, locale);
  return (
    <>
      <div>
        {usage.cpuPercent === null
          ? t("admin.usage.measuring")
          : t("admin.usage.cpu", { percent: formatPercent(usage.cpuPercent, locale) })}
      </div>
      <div>
        {usage.memoryLimitBytes === null
          ? t("admin.usage.memory", { used })
          : t("admin.usage.memoryOfLimit", { used, limit: formatBytes(usage.memoryLimitBytes, locale) })}
      </div>
    </>
  );
}
