// Languages of the portal (issue #3): French by default, English, Arabic (RTL).
// Every page lives under its language: /fr, /en, /ar ("/" redirects to /fr).
// Always prefixing avoids the default-locale rewrite, which Next 16 turns into
// a self-redirect loop (vercel/next.js#95528, #94342). No locale
// cookie and no Accept-Language redirect: the session cookie is the only
// cookie (seed 003) and a person on a shared phone picks the language on screen.
import { defineRouting } from "next-intl/routing";

export const LOCALES = ["fr", "en", "ar"] as const;
export type Locale = (typeof LOCALES)[number];

export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: "fr",
  localePrefix: "always",
  localeDetection: false,
  localeCookie: false,
  alternateLinks: true,
});

const RTL_LOCALES: ReadonlySet<Locale> = new Set(["ar"]);

export function directionOf(locale: Locale): "ltr" | "rtl" {
  return RTL_LOCALES.has(locale) ? "rtl" : "ltr";
}

/** Each language's name written in that language, for the language switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { fr: "Français", en: "English", ar: "العربية" };
