// The state of the administrator's forms (issue #6, point 8): the common form
// state, plus what some forms show once (the invitation link, the TSA check).
// A use case's INVALID_INPUT naming a field becomes that field's error; one
// naming only a reason (e.g. selfLockout) becomes the form's message.
import { isAppError } from "@/server/errors";
import type { TsaCheck } from "@/server/staff-admin/check-timestamp-authority";
import { stateFromError, stateWithFieldErrors, type FormState } from "../forms/form-state";

export type AdminFormState = FormState & {
  /** The invitation link, shown once to the administrator (never stored readable). */
  invitationUrl?: string;
  invitationExpiresAt?: string;
  tsaCheck?: TsaCheck;
};

export const INITIAL_ADMIN_FORM_STATE: AdminFormState = { submission: 0 };

export function adminStateFromError(previous: FormState, error: unknown, values: Record<string, string>): AdminFormState {
  if (isAppError(error, "INVALID_INPUT") && typeof error.details.field === "string" && typeof error.details.reason === "string") {
    return stateWithFieldErrors(previous, { [error.details.field]: [error.details.reason] }, values);
  }
  return stateFromError(previous, error, values);
}
