// Labels of the "My data" page. `t` is getTranslations("rights"): each key is
// written out so that tests/unit/messages.test.ts checks it exists. Audit
// actions and message templates are open-ended (other areas add them): a known
// one has its label, any other a generic one naming it.
import { decodeDeviceLabel, type DeviceLabel } from "@/lib/request-info";
import type { TApplicantData } from "@/server/applicant-rights/collect-applicant-data";

type Translate = ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };
type Data = TApplicantData;

/** Dates with the time, in Paris time (legal times are Paris times: seed 000, art. 6). */
export const DATA_DATE_TIME = { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" } as const;
export const DATA_DATE = { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" } as const;

export function applicantStateText(t: Translate, state: Data["identity"]["state"]): string {
  return { ACTIVE: t("stateACTIVE"), PENDING: t("statePENDING"), DEACTIVATED: t("stateDEACTIVATED") }[state];
}

export function purposeText(t: Translate, purpose: Data["codesAndLinks"][number]["purpose"]): string {
  return {
    RECOVERY_LINK: t("purposeRECOVERY_LINK"),
    RECOVERY_SMS_CODE: t("purposeRECOVERY_SMS_CODE"),
    CONFIRM_EMAIL: t("purposeCONFIRM_EMAIL"),
    CONFIRM_PHONE: t("purposeCONFIRM_PHONE"),
  }[purpose];
}

export function documentStateText(t: Translate, state: Data["documents"][number]["state"]): string {
  return {
    PENDING: t("docStateAVAILABLE"),
    AVAILABLE: t("docStateAVAILABLE"),
    OPENED: t("docStateOPENED"),
    DEEMED_RECEIVED: t("docStateDEEMED_RECEIVED"),
    POSTAL: t("docStatePOSTAL"),
  }[state];
}

export function receiptKindText(t: Translate, kind: Data["documents"][number]["receipts"][number]["kind"]): string {
  return { AVAILABILITY: t("receiptAVAILABILITY"), RECEPTION: t("receiptRECEPTION") }[kind];
}

export function channelText(t: Translate, channel: Data["alerts"][number]["channel"]): string {
  return { EMAIL: t("channelEMAIL"), SMS: t("channelSMS") }[channel];
}

export function alertStatusText(t: Translate, status: Data["alerts"][number]["status"]): string {
  return {
    QUEUED: t("alertQUEUED"),
    SENDING: t("alertSENDING"),
    DELIVERED: t("alertDELIVERED"),
    TEMPORARY_FAILURE: t("alertTEMPORARY_FAILURE"),
    PERMANENT_FAILURE: t("alertPERMANENT_FAILURE"),
  }[status];
}

export function requestKindText(t: Translate, kind: Data["rightsRequests"][number]["kind"]): string {
  return { RECTIFICATION: t("kindRECTIFICATION"), ERASURE: t("kindERASURE"), OBJECTION: t("kindOBJECTION"), RESTRICTION: t("kindRESTRICTION") }[kind];
}

export function requestKindHint(t: Translate, kind: Data["rightsRequests"][number]["kind"]): string {
  return {
    RECTIFICATION: t("kindRECTIFICATION_hint"),
    ERASURE: t("kindERASURE_hint"),
    OBJECTION: t("kindOBJECTION_hint"),
    RESTRICTION: t("kindRESTRICTION_hint"),
  }[kind];
}

export function requestStatusText(t: Translate, request: Data["rightsRequests"][number], day: (date: Date) => string): string {
  if (request.status === "ANSWERED" && request.answeredAt) return t("requestStatusANSWERED", { date: day(request.answeredAt) });
  return request.status === "NEW" ? t("requestStatusNEW") : t("requestStatusIN_PROGRESS");
}

export function actorText(t: Translate, by: Data["auditEvents"]["events"][number]["by"]): string {
  const labels: Record<string, string> = { YOU: t("byYOU"), STAFF: t("bySTAFF"), SYSTEM: t("bySYSTEM"), ANONYMOUS: t("byANONYMOUS"), APPLICANT: t("byAPPLICANT") };
  return labels[by] ?? t("bySYSTEM");
}

export function auditActionLabel(t: Translate, action: string): string {
  const key = `audit_${action.replace(/\./g, "_")}`;
  return t.has(key) ? t(key) : t("auditOther", { action });
}

export function templateLabel(t: Translate, template: string): string {
  const key = `template_${template}`;
  return t.has(key) ? t(key) : t("templateOther", { name: template });
}

/** "phone · Android · Chrome": the kind translated, system and browser as their makers name them. */
export function deviceText(t: Translate, stored: string | null): string {
  const device = decodeDeviceLabel(stored);
  const kinds: Record<DeviceLabel["kind"], string> = { phone: t("device_phone"), tablet: t("device_tablet"), computer: t("device_computer"), unknown: t("device_unknown") };
  return [kinds[device.kind], device.system, device.browser].filter(Boolean).join(" · ");
}

/** What each top-level field of data.json holds, in the applicant's language. */
export function exportFieldNotes(t: Translate): Record<string, string> {
  return {
    identity: t("jsonField_identity"),
    hostStructure: t("jsonField_hostStructure"),
    registrationStructure: t("jsonField_registrationStructure"),
    contacts: t("jsonField_contacts"),
    connectionKeys: t("jsonField_connectionKeys"),
    sessions: t("jsonField_sessions"),
    codesAndLinks: t("jsonField_codesAndLinks"),
    documents: t("jsonField_documents"),
    alerts: t("jsonField_alerts"),
    rightsRequests: t("jsonField_rightsRequests"),
    auditEvents: t("jsonField_auditEvents"),
    notIncluded: t("jsonField_notIncluded"),
  };
}

/** The errors of the request form's fields (codes from ZRightsRequestInput). */
export function fieldErrorText(t: Translate, code: string): string {
  const labels: Record<string, string> = {
    kindRequired: t("kindRequired"),
    messageRequired: t("messageRequired"),
    messageTooLong: t("messageTooLong"),
    messageCharacters: t("messageCharacters"),
  };
  return labels[code] ?? t("messageRequired");
}
