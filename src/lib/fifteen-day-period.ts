// The 15-day periods of seed 000:
// - art. 6: a document not opened within 15 days of its availability is deemed
//   received. The day of availability is not counted and the period ends at
//   24:00 (Europe/Paris) on the 15th day (../shared/DESIGN.md, "The lifecycle").
// - art. 4: the applicant must log in at least every 15 days; after a login,
//   the next one is due by the end of the 15th day after it.
import { addCalendarDays, parisDateOf, parisMidnight, type CalendarDate } from "./paris-time";

export const PERIOD_DAYS = 15;

/** The last calendar day of the period that starts at `start` (its own day not counted). */
export function lastDayOfPeriod(start: Date): CalendarDate {
  return addCalendarDays(parisDateOf(start), PERIOD_DAYS);
}

/** The instant the period ends: 24:00 Europe/Paris on the 15th day, i.e. 00:00 of the day after. */
export function endOfPeriod(start: Date): Date {
  return parisMidnight(addCalendarDays(parisDateOf(start), PERIOD_DAYS + 1));
}
