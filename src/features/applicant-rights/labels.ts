// Labels of the "My data" page. `t` is getTranslations("rights"): keys written
// out where they can be, so tests/unit/messages.test.ts checks they exist;
// audit actions and message templates fall back to a generic label.
import { decodeDeviceLabel } from "@/lib/request-info";

type Translate = ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };

/** Dates with the time, in Paris time (legal times are Paris times: seed 000, art. 6). */
export const DATA_DATE_TIME = { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" } as const;
export const DATA_DATE = { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" } as const;

export function auditActionLabel(t: Translate, action: string): string {
  const key = `audit_${action.replace(/\./g, "_")}`;
  return t.has(key) ? t(key) : t("auditOther", { action });
}

export function templateLabel(t: Translate, template: string): string {
  const key = `template_${template}`;
  return t.has(key) ? t(key) : t("templateOther", { name: template });
}

/** "phone · Android · Chrome" */
export function deviceText(t: Translate, stored: string | null): string {
  const device = decodeDeviceLabel(stored);
  return [t(`device_${device.kind}`), device.system, device.browser].filter(Boolean).join(" · ");
}
