"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext } from "react";
import { localeCookie, type Locale } from "./config";
import { format, messagesByLocale, type MessageKey } from "./messages";

const LocaleContext = createContext<Locale>("pt-BR");

export function I18nProvider({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT() {
  const locale = useLocale();
  return useCallback(
    (key: MessageKey, vars?: Record<string, string | number>) => format(messagesByLocale[locale][key], vars),
    [locale],
  );
}

/** Translates an error key sent by the server, falling back to the generic message. */
export function useErrorText() {
  const t = useT();
  return useCallback(
    (key: string | undefined, vars?: Record<string, string | number>) => {
      const full = `error.${key}` as MessageKey;
      return full in messagesByLocale["pt-BR"] ? t(full, vars) : t("error.generic");
    },
    [t],
  );
}

/** Explains an error thrown by a tRPC call: its message is an error key, and a 429 carries the seconds to wait. */
export function useApiErrorText() {
  const errorText = useErrorText();
  return useCallback(
    (err: unknown) => {
      const { message, data } = (err ?? {}) as { message?: string; data?: { retryAfterSeconds?: number | null } };
      return errorText(message, { seconds: data?.retryAfterSeconds ?? 60 });
    },
    [errorText],
  );
}

/** Stores the choice in a cookie (a year) and re-renders the server components in the new language. */
export function useSetLocale() {
  const router = useRouter();
  return useCallback(
    (locale: Locale) => {
      document.cookie = `${localeCookie}=${encodeURIComponent(locale)}; path=/; max-age=31536000; samesite=lax`;
      router.refresh();
    },
    [router],
  );
}
