// Labels of the exemption and postal-track pages: each key written out, so
// that tests/unit/messages.test.ts checks it exists. `t` is the "agentFile" namespace.
import type { ExemptionReason } from "@/lib/exemption-reasons";
import type { PostalEvent } from "@/lib/postal-dates";

type Translate = (key: string) => string;

export function exemptionReasonLabel(t: Translate, reason: string): string {
  const labels: Record<ExemptionReason, string> = {
    NO_DEVICE_OR_ACCESS: t("reason_NO_DEVICE_OR_ACCESS"),
    CANNOT_USE_SPACE: t("reason_CANNOT_USE_SPACE"),
    VULNERABILITY: t("reason_VULNERABILITY"),
    DETENTION: t("reason_DETENTION"),
    OTHER: t("reason_OTHER"),
  };
  return labels[reason as ExemptionReason] ?? reason;
}

export function postalEventLabel(t: Translate, event: PostalEvent): string {
  const labels: Record<PostalEvent, string> = { SENT: t("event_SENT"), RECEIVED: t("event_RECEIVED"), RETURNED: t("event_RETURNED") };
  return labels[event];
}

export function languageLabel(t: Translate, language: string): string {
  const labels: Record<string, string> = { fr: t("language_fr"), en: t("language_en"), ar: t("language_ar") };
  return labels[language] ?? language;
}
