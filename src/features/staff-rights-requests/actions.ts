"use server";
// Thin server action of /agent/demandes-droits (issue #7, point 3): checks the
// staff session and the permission itself (allowedStaff), before reading the
// form; then the fields; then one use case. The request id a form carries is
// only a lookup key: the use case finds the request itself.
import { redirect } from "next/navigation";
import { localePath } from "@/i18n/paths";
import { AppError, isAppError } from "@/server/errors";
import { requestContext } from "@/server/http/request-context";
import { updateRightsRequestStatus, ZUpdateRightsRequestInput } from "@/server/staff-rights-requests/update-rights-request-status";
import { field, formLocale, keptValues, stateFromError, stateWithFieldErrors, type FormState } from "../forms/form-state";
import { allowedStaff } from "../staff-space/allowed-staff";

export async function updateRightsRequestAction(previous: FormState, formData: FormData): Promise<FormState> {
  const locale = formLocale(formData);
  const staff = await allowedStaff("rightsRequest.handle", locale);
  if (staff instanceof AppError) return stateFromError(previous, staff, {});
  const values = keptValues(formData, ["answeredOn"]);
  const input = { requestId: field(formData, "requestId"), status: field(formData, "status"), answeredOn: values.answeredOn };
  const parsed = ZUpdateRightsRequestInput.safeParse(input);
  if (!parsed.success) {
    const badDate = parsed.error.issues.some((issue) => issue.path[0] === "answeredOn");
    if (badDate) return stateWithFieldErrors(previous, { answeredOn: [values.answeredOn === "" ? "answeredOnRequired" : "answeredOnFormat"] }, values);
    return { submission: previous.submission + 1, formError: { code: "INVALID_INPUT" }, values };
  }
  try {
    await updateRightsRequestStatus(staff, parsed.data, await requestContext());
  } catch (error) {
    if (isAppError(error, "INVALID_INPUT") && error.details.field === "answeredOn") return stateWithFieldErrors(previous, { answeredOn: ["answeredOnRange"] }, values);
    return stateFromError(previous, error, values);
  }
  redirect(localePath(locale, `/agent/demandes-droits?maj=${parsed.data.status === "ANSWERED" ? "repondue" : "en-cours"}`));
}
