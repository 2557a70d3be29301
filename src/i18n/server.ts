import "server-only";
import { cookies } from "next/headers";
import { localeCookie, toLocale, type Locale } from "./config";
import { format, messagesByLocale, type MessageKey } from "./messages";

export async function getLocale(): Promise<Locale> {
  return toLocale((await cookies()).get(localeCookie)?.value);
}

export async function getTranslator() {
  const locale = await getLocale();
  const messages = messagesByLocale[locale];
  return { locale, t: (key: MessageKey, vars?: Record<string, string | number>) => format(messages[key], vars) };
}
