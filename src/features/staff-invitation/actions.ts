"use server";
// The public step of a staff invitation (issue #6, point 8): the invitee
// chooses a password; the link's token travels back in a hidden field and is
// checked again by the use case (used, expired, superseded, unknown: one
// answer). Then the sign-in page, where the first sign-in enrols the TOTP.
import { redirect } from "next/navigation";
import { localePath } from "@/i18n/paths";
import { requestContext } from "@/server/http/request-context";
import { acceptStaffInvitation } from "@/server/staff-admin/accept-staff-invitation";
import { newPasswordErrors } from "../applicant-auth/field-checks";
import { field, formLocale, stateFromError, stateWithFieldErrors, type FormState } from "../forms/form-state";

export async function acceptStaffInvitationAction(previous: FormState, formData: FormData): Promise<FormState> {
  const locale = formLocale(formData);
  const fieldErrors = newPasswordErrors(field(formData, "password"), field(formData, "passwordConfirmation"));
  if (Object.keys(fieldErrors).length > 0) return stateWithFieldErrors(previous, fieldErrors, {});
  try {
    await acceptStaffInvitation({ token: field(formData, "token"), password: field(formData, "password") }, await requestContext());
  } catch (error) {
    return stateFromError(previous, error, {});
  }
  redirect(localePath(locale, "/agent/connexion?invitation=1"));
}
