// Every page of the applicant's space checks the session itself (a layout
// check is not enough: ../shared/CONVENTIONS.md). No session → sign-in page.
import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { sessionCookie } from "@/server/applicant-sessions/session-policy";
import { currentApplicant, type CurrentApplicant } from "@/server/auth/current-applicant";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";

export async function requireApplicantPage(locale: Locale): Promise<CurrentApplicant> {
  const current = await currentApplicant();
  if (current) return current;
  // "Your session has ended" only for someone who had one; a first visit just signs in.
  const hadSession = (await cookies()).has(sessionCookie().name);
  redirect(localePath(locale, hadSession ? "/connexion?expire=1" : "/connexion"));
}
