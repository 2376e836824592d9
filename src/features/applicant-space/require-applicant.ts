// Every page of the applicant's space checks the session itself (a layout
// check is not enough: ../shared/CONVENTIONS.md). No session → sign-in page.
import "server-only";
import { redirect } from "next/navigation";
import { currentApplicant, type CurrentApplicant } from "@/server/auth/current-applicant";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";

export async function requireApplicantPage(locale: Locale): Promise<CurrentApplicant> {
  const current = await currentApplicant();
  if (!current) redirect(localePath(locale, "/connexion?expire=1"));
  return current;
}
