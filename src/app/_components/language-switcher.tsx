"use client";

import { locales, type Locale } from "~/i18n/config";
import { useLocale, useSetLocale, useT } from "~/i18n/client";

export function LanguageSwitcher({ onChange }: { onChange?: (locale: Locale) => void }) {
  const t = useT();
  const locale = useLocale();
  const setLocale = useSetLocale();
  return (
    <label className="inline-flex items-center gap-2 text-sm text-slate-600">
      <span>{t("lang.label")}</span>
      <select
        aria-label={t("lang.label")}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        value={locale}
        onChange={(e) => {
          const next = e.target.value as Locale;
          onChange?.(next);
          setLocale(next);
        }}
      >
        {locales.map((l) => (
          <option key={l} value={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
