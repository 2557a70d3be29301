import type { Locale } from "../config";
import { en } from "./en";
import { ptBR } from "./pt-BR";

export type MessageKey = keyof typeof ptBR;
export type Messages = Record<MessageKey, string>;

export const messagesByLocale: Record<Locale, Messages> = { "pt-BR": ptBR, en };

/** Replaces {name} placeholders. */
export function format(template: string, vars?: Record<string, string | number>): string {
  return vars ? template.replace(/\{(\w+)\}/g, (m, k: string) => String(vars[k] ?? m)) : template;
}
