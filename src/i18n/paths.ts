import type { Locale } from "./routing";

/** The URL of an app path in a language: /fr/..., /en/..., /ar/... */
export function localePath(locale: Locale, path: `/${string}`): string {
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}
