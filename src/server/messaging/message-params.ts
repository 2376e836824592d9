// Checks the parameters of an outbox message before they reach a text. Seed 003:
// a message carries no personal data and never asks for a password, so only
// three kinds of value may appear in it: a 6-digit code, an address of the portal
// itself (APP_URL), and a date. Anything else is refused, never printed.
import { LOCALES, type Locale } from "../../i18n/routing";

/** A message that cannot be rendered; its text never holds a parameter's value. */
export class RenderError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "RenderError";
  }
}

export type MessageValues = { code?: string; url?: string; date?: string };

/** Intl locale per portal language: Latin digits in Arabic too, like the code to type. */
const DATE_LOCALES: Record<Locale, string> = { fr: "fr-FR", en: "en-GB", ar: "ar-u-nu-latn" };

export function messageLocale(value: unknown): Locale {
  return LOCALES.find((locale) => locale === value) ?? "fr";
}

/** The values a template's texts may show, from the params stored in the outbox row. */
export function resolveValues(template: string, locale: Locale, params: Record<string, unknown>, appUrl: string): MessageValues {
  switch (template) {
    case "recovery-link":
      if (params.url === undefined) throw new RenderError("url is required");
      return { url: portalUrl(params.url, appUrl) };
    case "recovery-code":
    case "contact-code":
      return { code: checkedCode(params.code) };
    case "login-reminder":
    case "document-available":
    case "document-reminder":
    case "space-deactivation":
      return { url: portalUrl(params.url, appUrl), date: formatDueDate(params.dueDate, locale) };
    default:
      throw new RenderError("unknown template");
  }
}

function formatDueDate(value: unknown, locale: Locale): string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new RenderError("dueDate must be yyyy-mm-dd");
  const noon = new Date(`${value}T12:00:00Z`);
  if (Number.isNaN(noon.getTime()) || noon.toISOString().slice(0, 10) !== value) throw new RenderError("dueDate is not a date");
  return new Intl.DateTimeFormat(DATE_LOCALES[locale], { dateStyle: "long", timeZone: "Europe/Paris" }).format(noon);
}

/** Seed 003: the only address a message may show is the portal's own (APP_URL). */
function portalUrl(value: unknown, appUrl: string): string {
  const base = new URL(appUrl).href.replace(/\/+$/, "");
  if (value === undefined) return base;
  if (typeof value !== "string" || value.length > 500) throw new RenderError("url must be a string");
  const parsed = URL.canParse(value) ? new URL(value) : undefined;
  const href = parsed && !parsed.username && !parsed.password && /^https?:$/.test(parsed.protocol) ? parsed.href : "";
  if (!(href.startsWith(`${base}/`) || href.startsWith(`${base}?`))) throw new RenderError("url does not point to APP_URL");
  return href;
}

function checkedCode(value: unknown): string {
  if (typeof value !== "string" || !/^\d{6}$/.test(value)) throw new RenderError("code must be 6 digits");
  return value;
}
