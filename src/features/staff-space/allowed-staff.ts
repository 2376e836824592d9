// requireStaff for a staff form's server action (issue #6, point 2): the staff
// user allowed to do `action`, or the refusal (NOT_FOUND) to show as the form's
// error; no live session → the sign-in page. Not a "use server" module: only
// the actions that call it are endpoints.
import "server-only";
import { redirect } from "next/navigation";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import type { StaffAction } from "@/server/authz/permissions";
import { requireStaff, type AuthorizedStaff } from "@/server/authz/require-staff";
import { isAppError, type AppError } from "@/server/errors";

export async function allowedStaff(action: StaffAction, locale: Locale): Promise<AuthorizedStaff | AppError> {
  try {
    return await requireStaff(action);
  } catch (error) {
    if (isAppError(error, "SESSION_EXPIRED")) redirect(localePath(locale, "/agent/connexion?expire=1"));
    if (isAppError(error)) return error;
    throw error;
  }
}
