// What the applicant sees after each login (seed 000, art. 4): by which day
// the next login is due, 15 days after this one (Europe/Paris calendar).
import { endOfPeriod, lastDayOfPeriod } from "../../lib/fifteen-day-period";
import { parisMidnight } from "../../lib/paris-time";
import type { CurrentApplicant } from "../auth/current-applicant";
import { db } from "../db/client";

export type LoginDuty = { lastLoginAt: Date; dueBy: Date; lastDay: Date };

export async function getLoginDuty(current: CurrentApplicant): Promise<LoginDuty | null> {
  const applicant = await db().applicant.findFirst({ where: { id: current.applicantId, state: "ACTIVE" }, select: { lastLoginAt: true } });
  if (!applicant?.lastLoginAt) return null;
  return {
    lastLoginAt: applicant.lastLoginAt,
    dueBy: endOfPeriod(applicant.lastLoginAt),
    /** Midnight starting the last day, for displaying the date in any time zone-aware formatter set to Europe/Paris. */
    lastDay: parisMidnight(lastDayOfPeriod(applicant.lastLoginAt)),
  };
}
