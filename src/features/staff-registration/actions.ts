"use server";
// Thin server actions of registration and key handover (issue #6, points 3
// and 5; seed 000, art. 2). Each checks the staff session and the permission
// first (before reading any input), validates, then calls one use case. Ids
// sent by the form are lookup keys only: use cases search within the scope.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { localePath } from "@/i18n/paths";
import { LOCALES } from "@/i18n/routing";
import { asciiDigits, isAgdrefNumber, isOfpraNumber, isUuid } from "@/lib/identifiers";
import { handOverKeyLetter } from "@/server/applicant-keys/hand-over-key-letter";
import { AppError, isAppError } from "@/server/errors";
import { requestContext } from "@/server/http/request-context";
import { registerApplicant } from "@/server/staff-registration/register-applicant";
import { field, formLocale, invalidFormState, keptValues, stateFromError, stateWithFieldErrors, yesNo, type FieldErrors, type FormState } from "../forms/form-state";
import { allowedStaff } from "../staff-space/allowed-staff";
import type { KeyLetterFormState } from "./key-letter-state";

const REGISTER_FIELDS = ["agdrefNumber", "ofpraNumber", "hostStructureId", "registrationStructureId", "language"] as const;

/** Spaces, dots and Arabic-Indic digits as people type numbers; hyphens unified. */
function cleanNumber(value: string): string {
  return asciiDigits(value.normalize("NFKC")).replace(/[\s.\u00a0\u202f]/g, "").replace(/[\u2010-\u2015\u2212]/g, "-");
}

export async function registerApplicantAction(previous: FormState, formData: FormData): Promise<FormState> {
  const locale = formLocale(formData);
  const staff = await allowedStaff("applicant.register", locale);
  const values = keptValues(formData, REGISTER_FIELDS);
  if (staff instanceof AppError) return stateFromError(previous, staff, values);
  const agdrefNumber = cleanNumber(values.agdrefNumber!);
  const ofpraNumber = cleanNumber(values.ofpraNumber!);
  const language = LOCALES.find((l) => l === values.language);
  const errors: FieldErrors = {};
  if (agdrefNumber === "") errors.agdrefNumber = ["required"];
  else if (!isAgdrefNumber(agdrefNumber)) errors.agdrefNumber = ["agdrefFormat"];
  if (ofpraNumber !== "" && !isOfpraNumber(ofpraNumber)) errors.ofpraNumber = ["ofpraFormat"];
  if (values.hostStructureId !== "" && !isUuid(values.hostStructureId!)) errors.hostStructureId = ["choice"];
  if (values.registrationStructureId !== "" && !isUuid(values.registrationStructureId!)) errors.registrationStructureId = ["choice"];
  if (!language) errors.language = ["required"];
  if (Object.keys(errors).length > 0 || !language) return stateWithFieldErrors(previous, errors, values);
  let registered;
  try {
    registered = await registerApplicant(staff, {
      agdrefNumber,
      ofpraNumber: ofpraNumber || null,
      hostStructureId: values.hostStructureId || null,
      registrationStructureId: values.registrationStructureId || null,
      language,
    }, await requestContext());
  } catch (error) {
    if (isAppError(error, "ALREADY_REGISTERED")) return stateWithFieldErrors(previous, { [String(error.details.field)]: ["alreadyRegistered"] }, values);
    if (isAppError(error, "INVALID_INPUT") && typeof error.details.field === "string") return stateWithFieldErrors(previous, { [error.details.field]: ["choice"] }, values);
    return stateFromError(previous, error, values);
  }
  redirect(localePath(locale, `/agent/demandeurs/${registered.applicantId}?inscrit=1`));
}

export async function issueKeyLetterAction(previous: KeyLetterFormState, formData: FormData): Promise<KeyLetterFormState> {
  const locale = formLocale(formData);
  const staff = await allowedStaff("key.issue", locale);
  if (staff instanceof AppError) return stateFromError(previous, staff, {});
  const applicantId = field(formData, "applicantId");
  // The checkbox sends "yes" when ticked and nothing otherwise; anything else is refused.
  const reissueConfirmed = yesNo(formData, "confirmReissue", { yes: "yes", absent: false });
  if (reissueConfirmed === undefined) return invalidFormState(previous);
  try {
    const handed = await handOverKeyLetter(staff, { applicantId, reissueConfirmed }, await requestContext());
    revalidatePath(localePath(locale, `/agent/demandeurs/${applicantId}`));
    return {
      submission: previous.submission + 1,
      issued: {
        key: handed.key,
        agdrefNumber: handed.agdrefNumber,
        letterHref: `data:application/pdf;base64,${Buffer.from(handed.letterPdf).toString("base64")}`,
        fileName: `lettre-cle-${handed.agdrefNumber}.pdf`,
        revokedPrevious: handed.revokedPrevious,
      },
    };
  } catch (error) {
    if (isAppError(error, "CONFIRMATION_REQUIRED")) return stateWithFieldErrors(previous, { confirmReissue: ["confirmReissue"] }, {});
    return stateFromError(previous, error, {});
  }
}
