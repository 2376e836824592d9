"use server";
// Thin server actions of the exemption and the postal track (issue #6, point 4;
// R.723-19 CESEDA; CE 26 March 2025 n°488274). Each checks the staff session and
// the permission first, validates, then calls one use case; ids from the form
// are lookup keys only (the use cases search within the scope).
import { revalidatePath } from "next/cache";
import { localePath } from "@/i18n/paths";
import { EXEMPTION_NOTE_MAX, isExemptionReason } from "@/lib/exemption-reasons";
import { hasForbiddenCharacters } from "@/lib/plain-text";
import { parseCalendarDate } from "@/lib/postal-dates";
import { isAppError, AppError } from "@/server/errors";
import { requestContext } from "@/server/http/request-context";
import { setApplicantExemption } from "@/server/exemptions/set-applicant-exemption";
import { POSTAL_TRACKING_PATTERN, recordPostalDocument } from "@/server/postal-track/record-postal-document";
import { recordPostalEvent } from "@/server/postal-track/record-postal-event";
import { field, formLocale, invalidFormState, keptValues, stateFromError, stateWithFieldErrors, yesNo, type FieldErrors, type FormState } from "../forms/form-state";
import { allowedStaff } from "../staff-space/allowed-staff";

const DOCUMENT_TYPES = ["CONVOCATION", "DECISION", "INTRODUCTION_LETTER", "OTHER_LETTER"] as const;
const POSTAL_EVENTS = ["SENT", "RECEIVED", "RETURNED"] as const;

function done(previous: FormState, key: string, values: Record<string, string> = {}): FormState {
  return { submission: previous.submission + 1, done: key, values };
}

export async function setExemptionAction(previous: FormState, formData: FormData): Promise<FormState> {
  const locale = formLocale(formData);
  const staff = await allowedStaff("applicant.exemption", locale);
  const values = keptValues(formData, ["reason"]);
  // The note may be long: kept whole (keptValues cuts at 300).
  values.note = field(formData, "note").slice(0, EXEMPTION_NOTE_MAX + 100);
  if (staff instanceof AppError) return stateFromError(previous, staff, values);
  const applicantId = field(formData, "applicantId");
  // "yes" marks, "no" lifts; anything else is refused, never read as lifting the exemption.
  const exempt = yesNo(formData, "exempt", { yes: "yes", no: "no" });
  if (exempt === undefined) return invalidFormState(previous, values);
  const note = values.note.trim();
  const errors: FieldErrors = {};
  if (note.length > EXEMPTION_NOTE_MAX) errors.note = ["noteTooLong"];
  else if (hasForbiddenCharacters(note)) errors.note = ["noteCharacters"];
  if (exempt && !isExemptionReason(values.reason!)) errors.reason = ["required"];
  if (Object.keys(errors).length > 0) return stateWithFieldErrors(previous, errors, values);
  try {
    const request = await requestContext();
    if (exempt && isExemptionReason(values.reason!)) await setApplicantExemption(staff, { applicantId, exempt: true, reason: values.reason, note }, request);
    else await setApplicantExemption(staff, { applicantId, exempt: false, note }, request);
  } catch (error) {
    return stateFromError(previous, error, values);
  }
  revalidatePath(localePath(locale, `/agent/demandeurs/${applicantId}`));
  return done(previous, exempt ? "exemptedDone" : "liftedDone");
}

export async function recordPostalDocumentAction(previous: FormState, formData: FormData): Promise<FormState> {
  const locale = formLocale(formData);
  const staff = await allowedStaff("postal.record", locale);
  const values = keptValues(formData, ["type", "trackingNumber"]);
  if (staff instanceof AppError) return stateFromError(previous, staff, values);
  const applicantId = field(formData, "applicantId");
  const type = DOCUMENT_TYPES.find((t) => t === values.type);
  const tracking = values.trackingNumber!.toUpperCase().replace(/[\s.-]/g, "");
  const errors: FieldErrors = {};
  if (!type) errors.type = ["required"];
  if (tracking !== "" && !POSTAL_TRACKING_PATTERN.test(tracking)) errors.trackingNumber = ["trackingFormat"];
  if (Object.keys(errors).length > 0 || !type) return stateWithFieldErrors(previous, errors, values);
  let recorded;
  try {
    recorded = await recordPostalDocument(staff, { applicantId, type, trackingNumber: tracking || null }, await requestContext());
  } catch (error) {
    return stateFromError(previous, error, values);
  }
  revalidatePath(localePath(locale, `/agent/demandeurs/${applicantId}`));
  return done(previous, "postalRecordedDone", { reference: recorded.reference });
}

export async function recordPostalEventAction(previous: FormState, formData: FormData): Promise<FormState> {
  const locale = formLocale(formData);
  const staff = await allowedStaff("postal.record", locale);
  const values = keptValues(formData, ["event", "date"]);
  if (staff instanceof AppError) return stateFromError(previous, staff, values);
  const documentId = field(formData, "documentId");
  // A correction is said by "yes" (a hidden field of the correction form), a first record by its absence.
  const correction = yesNo(formData, "correction", { yes: "yes", absent: false });
  if (correction === undefined) return invalidFormState(previous, values);
  const event = POSTAL_EVENTS.find((e) => e === values.event);
  const errors: FieldErrors = {};
  if (!event) errors.event = ["required"];
  if (values.date!.trim() === "") errors.date = ["required"];
  else if (!parseCalendarDate(values.date!)) errors.date = ["dateFormat"];
  if (Object.keys(errors).length > 0 || !event) return stateWithFieldErrors(previous, errors, values);
  try {
    await recordPostalEvent(staff, { documentId, event, date: values.date!, correction }, await requestContext());
  } catch (error) {
    if (isAppError(error, "POSTAL_DATE_INVALID")) return stateWithFieldErrors(previous, { date: [`date_${String(error.details.reason)}`] }, values);
    if (isAppError(error, "ALREADY_RECORDED")) return stateWithFieldErrors(previous, { date: ["alreadyRecorded"] }, values);
    return stateFromError(previous, error, values);
  }
  revalidatePath(localePath(locale, `/agent/demandeurs/${field(formData, "applicantId")}`));
  return done(previous, correction ? "postalCorrectionDone" : "postalEventDone");
}
