"use client";

import { useT } from "~/i18n/client";
import type { ChipStatus } from "./chip-types";

const tones: Record<ChipStatus, string> = {
  CREATING: "bg-slate-100 text-slate-700",
  STOPPED: "bg-slate-100 text-slate-700",
  STARTING: "bg-sky-100 text-sky-800",
  SCAN_QR_CODE: "bg-amber-100 text-amber-900",
  WORKING: "bg-emerald-100 text-emerald-800",
  FAILED: "bg-red-100 text-red-800",
  DELETED: "bg-slate-100 text-slate-500",
};

export function StatusBadge({ status }: { status: ChipStatus }) {
  const t = useT();
  return (
    <span data-testid="chip-status" data-status={status} className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${tones[status]}`}>
      {t(`chips.status.${status}`)}
    </span>
  );
}
