// Labels shared by the inbox and the document page. `t` is getTranslations("documents")
// (or useTranslations("documents")): tests/unit/messages.test.ts checks the keys below exist.
import type { InboxDocument } from "@/server/applicant-documents/list-applicant-documents";

/** Legal dates are shown as Paris calendar days. */
export const DOCUMENT_DATE = { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" } as const;

/** The last day of the period: the deadline is 24:00 of that day, i.e. 00:00 of the next. */
export function lastDayBefore(deadline: Date): Date {
  return new Date(deadline.getTime() - 1);
}

type Translate = (key: "typeCONVOCATION" | "typeDECISION" | "typeINTRODUCTION_LETTER" | "typeOTHER_LETTER") => string;

export function documentTypeLabel(t: Translate, type: InboxDocument["type"]): string {
  const labels: Record<InboxDocument["type"], string> = {
    CONVOCATION: t("typeCONVOCATION"),
    DECISION: t("typeDECISION"),
    INTRODUCTION_LETTER: t("typeINTRODUCTION_LETTER"),
    OTHER_LETTER: t("typeOTHER_LETTER"),
  };
  return labels[type];
}
