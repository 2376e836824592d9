"use server";
// Thin server actions of the read-only staff views (issue #6, points 5-7):
// each checks the staff session and the permission first (requireStaff), then
// validates and calls one use case.
import { redirect } from "next/navigation";
import { localePath } from "@/i18n/paths";
import { parseApplicantIdentifier } from "@/lib/identifiers";
import { requireStaff, type AuthorizedStaff } from "@/server/authz/require-staff";
import { AppError, isAppError } from "@/server/errors";
import { requestContext } from "@/server/http/request-context";
import { lookUpDecision } from "@/server/staff-views/look-up-decision";
import { formLocale, keptValues, stateFromError, stateWithFieldErrors, type FormState } from "../forms/form-state";
import type { DecisionAnswer } from "./decision-answer";

export type DecisionLookupState = FormState & { answer?: DecisionAnswer };

/** CNDA: one applicant number in, the decision's dates and receipt references out (issue #6, point 7). */
export async function lookUpDecisionAction(previous: DecisionLookupState, formData: FormData): Promise<DecisionLookupState> {
  const locale = formLocale(formData);
  let staff: AuthorizedStaff;
  try {
    staff = await requireStaff("decision.lookup");
  } catch (error) {
    if (isAppError(error, "SESSION_EXPIRED")) redirect(localePath(locale, "/agent/connexion?expire=1"));
    if (error instanceof AppError) return stateFromError(previous, error, {});
    throw error;
  }
  const values = keptValues(formData, ["number"]);
  const number = values.number!;
  if (number.trim() === "") return stateWithFieldErrors(previous, { number: ["required"] }, values);
  if (!parseApplicantIdentifier(number)) return stateWithFieldErrors(previous, { number: ["applicantNumberFormat"] }, values);
  try {
    const lookup = await lookUpDecision(staff, { number }, await requestContext());
    return {
      submission: previous.submission + 1,
      values,
      answer: lookup.found
        ? { found: true, decisions: lookup.decisions.map((d) => ({
            documentReference: d.documentReference,
            documentSha256: d.documentSha256,
            availableAt: d.availableAt.toISOString(),
            availability: d.availability && { tokenGenTime: d.availability.tokenGenTime?.toISOString() ?? null, tsaName: d.availability.tsaName, tsaSerial: d.availability.tsaSerial },
            reception: d.reception && {
              at: d.reception.at.toISOString(),
              basis: d.reception.basis,
              tokenGenTime: d.reception.tokenGenTime?.toISOString() ?? null,
              tsaName: d.reception.tsaName,
              tsaSerial: d.reception.tsaSerial,
            },
            deadlineAt: d.deadlineAt?.toISOString() ?? null,
          })) }
        : { found: false },
    };
  } catch (error) {
    return stateFromError(previous, error, values);
  }
}
