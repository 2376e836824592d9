// Labels of the staff pages. `t` is getTranslations("agent"): each key is
// written out so that tests/unit/messages.test.ts checks it exists.
import type { AuthorizedStaff } from "@/server/authz/require-staff";
import type { StaffApplicantFile } from "@/server/staff-applicants/get-applicant-file";
import type { StaffDocument, StaffDocumentAlert, StaffDocumentReceipt } from "@/server/staff-applicants/list-applicant-documents-for-staff";

type Translate = (key: string) => string;

/** Legal dates and times of the staff pages, in Paris time. */
export const STAFF_DATE_TIME = { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" } as const;
export const STAFF_DATE = { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" } as const;

export function roleLabel(t: Translate, role: AuthorizedStaff["role"]): string {
  const labels: Record<AuthorizedStaff["role"], string> = {
    OFPRA_AGENT: t("roleOFPRA_AGENT"),
    OFPRA_ADMIN: t("roleOFPRA_ADMIN"),
    GUDA_AGENT: t("roleGUDA_AGENT"),
    HOST_STRUCTURE_STAFF: t("roleHOST_STRUCTURE_STAFF"),
    CNDA_STAFF: t("roleCNDA_STAFF"),
  };
  return labels[role];
}

export function applicantStateLabel(t: Translate, state: StaffApplicantFile["state"]): string {
  const labels: Record<StaffApplicantFile["state"], string> = { PENDING: t("applicantPENDING"), ACTIVE: t("applicantACTIVE"), DEACTIVATED: t("applicantDEACTIVATED") };
  return labels[state];
}

export function documentTypeName(t: Translate, type: StaffDocument["type"]): string {
  const labels: Record<StaffDocument["type"], string> = {
    CONVOCATION: t("typeCONVOCATION"),
    DECISION: t("typeDECISION"),
    INTRODUCTION_LETTER: t("typeINTRODUCTION_LETTER"),
    OTHER_LETTER: t("typeOTHER_LETTER"),
  };
  return labels[type];
}

export function documentStateLabel(t: Translate, state: StaffDocument["state"]): string {
  const labels: Record<StaffDocument["state"], string> = {
    PENDING: t("documentPENDING"),
    AVAILABLE: t("documentAVAILABLE"),
    OPENED: t("documentOPENED"),
    DEEMED_RECEIVED: t("documentDEEMED_RECEIVED"),
    POSTAL: t("documentPOSTAL"),
  };
  return labels[state];
}

export function receiptLabel(t: Translate, receipt: Pick<StaffDocumentReceipt, "kind" | "basis">): string {
  if (receipt.kind === "AVAILABILITY") return t("receiptAVAILABILITY");
  return receipt.basis === "DEEMED" ? t("receiptRECEPTION_DEEMED") : t("receiptRECEPTION_OPENED");
}

export function alertLabel(t: Translate, alert: Pick<StaffDocumentAlert, "channel" | "template">): string {
  const what = alert.template === "document-available" ? t("alertAvailable") : alert.template === "document-reminder" ? t("alertReminder") : t("alertOther");
  return `${what} (${alert.channel === "SMS" ? t("channelSMS") : t("channelEMAIL")})`;
}

export function alertStatusLabel(t: Translate, status: StaffDocumentAlert["status"]): string {
  const labels: Record<StaffDocumentAlert["status"], string> = {
    QUEUED: t("statusQUEUED"),
    SENDING: t("statusSENDING"),
    DELIVERED: t("statusDELIVERED"),
    TEMPORARY_FAILURE: t("statusTEMPORARY_FAILURE"),
    PERMANENT_FAILURE: t("statusPERMANENT_FAILURE"),
  };
  return labels[status];
}
