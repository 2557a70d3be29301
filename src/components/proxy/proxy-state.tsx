"use client";

import { Button } from "~/components/ui/button";
import { useLocale, useT } from "~/i18n/client";
import type { MessageKey } from "~/i18n/messages";
import type { RouterOutputs } from "~/trpc/react";

export type ChipProxy = NonNullable<RouterOutputs["proxy"]["get"]>;
export type ProxyAction = "check" | "rotate";

export type ProxyStateProps = {
  /** null: the chip runs without a proxy. */
  proxy: ChipProxy | null;
  onCheck: () => void;
  onRotate: () => void;
  pending?: ProxyAction | null;
  /** Already translated. */
  error?: string | null;
};

const tones: Record<ChipProxy["health"], string> = {
  UNKNOWN: "bg-slate-100 text-slate-700",
  HEALTHY: "bg-emerald-100 text-emerald-800",
  UNHEALTHY: "bg-red-100 text-red-800",
};

/** A chip's exit: health, why it failed, latency, last check, the IP seen, and the check / rotate actions. */
export function ProxyState({ proxy, onCheck, onRotate, pending = null, error = null }: ProxyStateProps) {
  const t = useT();
  const locale = useLocale();
  if (!proxy) {
    return (
      <p data-testid="proxy-state" data-health="NONE" className="text-sm text-slate-600">
        {t("proxy.none")}
      </p>
    );
  }
  const reason = proxy.healthReason ? reasonText(t, proxy.healthReason) : null;
  return (
    <section data-testid="proxy-state" data-health={proxy.health} className="space-y-2 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-medium text-slate-900">{t("proxy.title")}</h3>
        <span data-testid="proxy-health" className={`rounded-full px-2 py-0.5 text-xs font-medium ${tones[proxy.health]}`}>
          {t(`proxy.health.${proxy.health}`)}
        </span>
        <span className="text-xs text-slate-500">{t(`proxy.kind.${proxy.kind}`)}</span>
      </div>
      {reason && (
        <p data-testid="proxy-reason" className="text-red-700">
          {reason}
        </p>
      )}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-slate-700">
        <dt>{t("proxy.exit")}</dt>
        <dd data-testid="proxy-exit">{proxy.exitSeen ?? "—"}</dd>
        <dt>{t("proxy.latency")}</dt>
        <dd data-testid="proxy-latency">{proxy.latencyMs === null ? "—" : t("proxy.latencyValue", { ms: proxy.latencyMs })}</dd>
        <dt>{t("proxy.lastCheck")}</dt>
        <dd data-testid="proxy-last-check">
          {proxy.lastCheckedAt ? new Date(proxy.lastCheckedAt).toLocaleString(locale) : t("proxy.never")}
        </dd>
        <dt>{t("proxy.server")}</dt>
        <dd>{proxy.country ? `${proxy.server} · ${proxy.country.toUpperCase()}` : proxy.server}</dd>
      </dl>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" variant="secondary" data-testid="proxy-check" disabled={pending !== null} onClick={onCheck}>
          {t("proxy.check")}
        </Button>
        <Button
          type="button"
          variant="secondary"
          data-testid="proxy-rotate"
          disabled={pending !== null}
          onClick={() => confirm(t("proxy.rotateConfirm")) && onRotate()}
        >
          {t("proxy.rotate")}
        </Button>
        {error && (
          <span role="alert" className="text-xs text-red-700">
            {error}
          </span>
        )}
      </div>
    </section>
  );
}

/** Reasons are codes, some with a status after ":" (e.g. "probe_status:502"). */
function reasonText(t: ReturnType<typeof useT>, reason: string): string {
  const [code, status] = reason.split(":");
  const key = `proxy.reason.${code}` as MessageKey;
  return t(key in reasonKeys ? key : "proxy.reason.unknown", { status: status ?? "" });
}

const reasonKeys: Partial<Record<MessageKey, true>> = {
  "proxy.reason.proxy_refused": true,
  "proxy.reason.proxy_unreachable": true,
  "proxy.reason.proxy_timeout": true,
  "proxy.reason.proxy_auth_failed": true,
  "proxy.reason.proxy_connect_status": true,
  "proxy.reason.probe_failed": true,
  "proxy.reason.probe_status": true,
};
