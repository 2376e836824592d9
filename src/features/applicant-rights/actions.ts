"use server";
// Thin server action of the "My data" page (issue #7, point 3): checks the
// session itself, checks the typed fields with the use case's schema, calls
// one use case and maps its AppError to the form's state. Hidden field trusted:
// the locale only.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { localePath } from "@/i18n/paths";
import { ZRightsRequestInput, RIGHTS_REQUEST_MESSAGE_MAX } from "@/server/applicant-rights/rights-request-input";
import { submitRightsRequest } from "@/server/applicant-rights/submit-rights-request";
import { requireApplicant } from "@/server/auth/current-applicant";
import { isAppError } from "@/server/errors";
import { requestContext } from "@/server/http/request-context";
import { field, formLocale, stateFromError, stateWithFieldErrors, type FieldErrors, type FormState } from "../forms/form-state";

export async function submitRightsRequestAction(previous: FormState, formData: FormData): Promise<FormState> {
  const locale = formLocale(formData);
  let current;
  try {
    current = await requireApplicant();
  } catch (error) {
    if (isAppError(error, "SESSION_EXPIRED")) redirect(localePath(locale, "/connexion?expire=1"));
    throw error;
  }
  // What was typed comes back on an error (a little more than the limit, so the applicant sees what to shorten).
  const values = { kind: field(formData, "kind").slice(0, 40), message: field(formData, "message").slice(0, RIGHTS_REQUEST_MESSAGE_MAX + 500) };
  const parsed = ZRightsRequestInput.safeParse({ kind: values.kind === "" ? undefined : values.kind, message: field(formData, "message") });
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? "message");
      fieldErrors[name] = [...new Set([...(fieldErrors[name] ?? []), issue.message])];
    }
    return stateWithFieldErrors(previous, fieldErrors, values);
  }
  try {
    await submitRightsRequest(current, parsed.data, await requestContext());
  } catch (error) {
    if (isAppError(error, "SESSION_EXPIRED")) redirect(localePath(locale, "/connexion?expire=1"));
    return stateFromError(previous, error, values);
  }
  revalidatePath(localePath(locale, "/compte/mes-donnees"));
  return { submission: previous.submission + 1, done: "requestSent" };
}
