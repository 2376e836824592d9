// Every staff page checks the session and the permission itself, on every
// request (issue #6, point 2; a layout check is not enough:
// ../shared/CONVENTIONS.md). No session → the staff sign-in page; not allowed
// → "not-found": the page shows the not-found content, as for something that
// does not exist (rendered by the page, not through notFound(), which needs
// JavaScript since Next 16.3: see src/app/[locale]/[...rest]/page.tsx).
import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import type { StaffAction } from "@/server/authz/permissions";
import { requireStaff, type AuthorizedStaff } from "@/server/authz/require-staff";
import { isAppError } from "@/server/errors";
import { staffSessionCookie } from "@/server/staff-sessions/session-policy";

export async function requireStaffPage(locale: Locale, action?: StaffAction): Promise<AuthorizedStaff | "not-found"> {
  try {
    return await requireStaff(action);
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) return "not-found";
    if (!isAppError(error, "SESSION_EXPIRED")) throw error;
  }
  // "Your session has ended" only for someone who had one; a first visit just signs in.
  const hadSession = (await cookies()).has(staffSessionCookie().name);
  redirect(localePath(locale, hadSession ? "/agent/connexion?expire=1" : "/agent/connexion"));
}
