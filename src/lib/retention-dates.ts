// The dates of the retention and deactivation rules (issue #7, point 2; ADR 010).
// Pure: only arithmetic on instants and Europe/Paris calendar days.
import { addCalendarDays, parisDateOf, parisMidnight, type CalendarDate } from "./paris-time";

export const DAY_MS = 86_400_000;

/** Seed 000, art. 9: "désactivé dans un délai maximal d'un an à compter de la date de notification de la décision". */
export function deactivationDueAt(decisionNotifiedAt: Date, afterDays: number): Date {
  return new Date(decisionNotifiedAt.getTime() + afterDays * DAY_MS);
}

/**
 * Which deactivation notice is due now: the latest threshold reached (days
 * before the deactivation), or null before the first or once deactivation is due.
 * A job that ran late sends only the nearest notice, never an outdated one.
 */
export function dueDeactivationNotice(deactivationAt: Date, noticeDays: readonly number[], now: Date): number | null {
  if (now.getTime() >= deactivationAt.getTime()) return null;
  const reached = noticeDays.filter((days) => now.getTime() >= deactivationAt.getTime() - days * DAY_MS);
  return reached.length > 0 ? Math.min(...reached) : null;
}

function addCalendarMonth(date: CalendarDate): CalendarDate {
  const month = date.month === 12 ? 1 : date.month + 1;
  const year = date.month === 12 ? date.year + 1 : date.year;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(date.day, lastDay) };
}

/**
 * End of the one-month period to appeal a decision to the CNDA (CESEDA
 * L. 532-1): 24:00 Europe/Paris on the same day of the next month as the
 * notification (the last day of that month when it has none). The extension
 * to the next working day is not applied: the retention that follows adds at
 * least a year, so the proofs are always kept past it.
 */
export function appealPeriodEndsAt(decisionNotifiedAt: Date): Date {
  return parisMidnight(addCalendarDays(addCalendarMonth(parisDateOf(decisionNotifiedAt)), 1));
}

/** Receipts and proofs may be erased from this instant: the decision can no longer be challenged, plus the legal period. */
export function proofsErasableAt(decisionNotifiedAt: Date, retentionDaysAfterFinal: number): Date {
  return new Date(appealPeriodEndsAt(decisionNotifiedAt).getTime() + retentionDaysAfterFinal * DAY_MS);
}

/**
 * "The procedure has ended" (issue #7, point 2c): the decision was notified,
 * its appeal period is over and the space has been deactivated.
 */
export function procedureEndedAt(decisionNotifiedAt: Date, deactivationAfterDays: number): Date {
  const appeal = appealPeriodEndsAt(decisionNotifiedAt).getTime();
  return new Date(Math.max(appeal, deactivationDueAt(decisionNotifiedAt, deactivationAfterDays).getTime()));
}

/** The Europe/Paris calendar day before the one containing `now`. */
export function previousParisDay(now: Date): CalendarDate {
  return addCalendarDays(parisDateOf(now), -1);
}

/** 24:00 Europe/Paris at the end of `day`. */
export function endOfParisDay(day: CalendarDate): Date {
  return parisMidnight(addCalendarDays(day, 1));
}
