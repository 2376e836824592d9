// Texts of the printed PDFs come from the same message files as the pages
// (messages/<locale>/<namespace>.json), so that tests check them the same way.
import { loadMessages } from "../../i18n/load-messages";
import type { Locale } from "../../i18n/routing";

export type Translate = (key: string, values?: Record<string, string>) => string;

export function pdfTranslator(namespace: string, locale: Locale): Translate {
  const texts = loadMessages(locale)[namespace];
  return (key, values = {}) => {
    const text = typeof texts === "object" ? texts[key] : undefined;
    if (typeof text !== "string") throw new Error(`missing text ${namespace}.${key} (${locale})`);
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  };
}
