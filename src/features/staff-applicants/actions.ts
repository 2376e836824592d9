"use server";
// Thin server actions of the agent pages (issue #5, point 10; issue #6,
// points 2 and 3): each checks the staff session and the permission itself
// (requireStaff), then calls one use case. The applicant id a form carries is
// only a lookup key: the use case finds it within the staff user's scope.
import { allowedStaff } from "@/features/staff-space/allowed-staff";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { localePath } from "@/i18n/paths";
import { parseApplicantIdentifier } from "@/lib/identifiers";
import { depositDocument } from "@/server/documents/deposit-document";
import { completeDocumentReceipt } from "@/server/receipts/complete-receipt";
import { AppError, isAppError } from "@/server/errors";
import { requestContext } from "@/server/http/request-context";
import { findApplicantByNumber } from "@/server/staff-applicants/find-applicant-by-number";
import { field, formLocale, keptValues, stateFromError, stateWithFieldErrors, type FormState } from "../forms/form-state";

const DOCUMENT_TYPES = ["CONVOCATION", "DECISION", "INTRODUCTION_LETTER", "OTHER_LETTER"] as const;


export async function searchApplicantAction(previous: FormState, formData: FormData): Promise<FormState> {
  const locale = formLocale(formData);
  const values = keptValues(formData, ["number"]);
  const staff = await allowedStaff("applicant.search", locale);
  if (staff instanceof AppError) return stateFromError(previous, staff, values);
  const number = values.number!;
  if (number.trim() === "") return stateWithFieldErrors(previous, { number: ["required"] }, values);
  if (!parseApplicantIdentifier(number)) return stateWithFieldErrors(previous, { number: ["applicantNumberFormat"] }, values);
  let found;
  try {
    found = await findApplicantByNumber(staff, { number });
  } catch (error) {
    return stateFromError(previous, error, values);
  }
  redirect(localePath(locale, `/agent/demandeurs/${found.applicantId}`));
}

export async function depositDocumentAction(previous: FormState, formData: FormData): Promise<FormState> {
  const locale = formLocale(formData);
  const values = keptValues(formData, ["type"]);
  const staff = await allowedStaff("document.deposit", locale);
  if (staff instanceof AppError) return stateFromError(previous, staff, values);
  const type = DOCUMENT_TYPES.find((t) => t === values.type);
  const file = formData.get("file");
  const fieldErrors: Record<string, string[]> = {};
  if (!type) fieldErrors.type = ["required"];
  if (!(file instanceof File) || file.size === 0) fieldErrors.file = ["fileRequired"];
  if (Object.keys(fieldErrors).length > 0 || !type || !(file instanceof File)) return stateWithFieldErrors(previous, fieldErrors, values);
  let deposited;
  try {
    deposited = await depositDocument({ applicantId: field(formData, "applicantId"), type }, new Uint8Array(await file.arrayBuffer()), staff, await requestContext());
  } catch (error) {
    if (isAppError(error, "PDF_REJECTED")) {
      return { ...stateFromError(previous, error, values), fieldErrors: { file: [`pdf_${String(error.details.reason)}`] } };
    }
    return stateFromError(previous, error, values);
  }
  // The accusé de mise à disposition's sealed PDF, once the answer is sent (the worker's job is the safety net).
  if (deposited.state === "AVAILABLE") {
    const { documentId } = deposited;
    after(() => completeDocumentReceipt(documentId, "AVAILABILITY").then(() => undefined, (error: unknown) => console.error(`[receipts] ${(error as Error).name}: the worker will finish it`)));
  }
  redirect(localePath(locale, `/agent/demandeurs/${field(formData, "applicantId")}?depot=${deposited.documentId}`));
}
