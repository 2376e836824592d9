// Labels of /agent/demandes-droits. `t` is getTranslations("staffRights"):
// each key written out, so tests/unit/messages.test.ts checks it exists.
import type { StaffRightsRequest } from "@/server/staff-rights-requests/list-rights-requests";

type Translate = (key: string, values?: Record<string, string | number>) => string;

export function staffRequestKindText(t: Translate, kind: StaffRightsRequest["kind"]): string {
  return { RECTIFICATION: t("kindRECTIFICATION"), ERASURE: t("kindERASURE"), OBJECTION: t("kindOBJECTION"), RESTRICTION: t("kindRESTRICTION") }[kind];
}

export function answeredOnErrorText(t: Translate, code: string): string {
  const labels: Record<string, string> = { answeredOnRequired: t("answeredOnRequired"), answeredOnFormat: t("answeredOnFormat"), answeredOnRange: t("answeredOnRange") };
  return labels[code] ?? t("answeredOnFormat");
}
