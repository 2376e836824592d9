// Calendar arithmetic in Europe/Paris, the time of every legal date EPNS shows
// or computes (seed 000, arts. 4 and 6). Pure: only Intl, no I/O.

export type CalendarDate = { year: number; month: number; day: number };

const parts = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function wallClock(instant: Date): CalendarDate & { hour: number; minute: number; second: number } {
  const map = Object.fromEntries(parts.formatToParts(instant).map((p) => [p.type, p.value]));
  return { year: +map.year!, month: +map.month!, day: +map.day!, hour: +map.hour!, minute: +map.minute!, second: +map.second! };
}

/** The Europe/Paris calendar day of an instant. */
export function parisDateOf(instant: Date): CalendarDate {
  const { year, month, day } = wallClock(instant);
  return { year, month, day };
}

/** The calendar day `days` after `date` (days may be negative). */
export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  const utc = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}

/** The instant of 00:00 Europe/Paris on `date` (that midnight always exists in France). */
export function parisMidnight(date: CalendarDate): Date {
  const guess = Date.UTC(date.year, date.month - 1, date.day);
  // Paris is UTC+1 or UTC+2: correct the guess by the offset observed at it, twice for DST days.
  let instant = guess;
  for (let i = 0; i < 2; i++) {
    const seen = wallClock(new Date(instant));
    const seenUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second);
    instant = guess - (seenUtc - instant);
  }
  return new Date(instant);
}

/** "2026-11-23" */
export function isoCalendarDate(date: CalendarDate): string {
  return `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

/**
 * The instant the Paris clocks show the same wall-clock time as at `instant`,
 * `days` calendar days later (days may be negative). Across a DST change this
 * is 23 or 25 hours per day crossed, not 24. A wall time that does not exist
 * that day (02:00–03:00 on the spring change) comes out one hour later; one
 * that occurs twice (the autumn change) comes out as its second occurrence.
 */
export function sameParisTimeDaysLater(instant: Date, days: number): Date {
  const now = wallClock(instant);
  const target = addCalendarDays(now, days);
  const ms = instant.getTime() % 1000;
  const guess = Date.UTC(target.year, target.month - 1, target.day, now.hour, now.minute, now.second, ms < 0 ? ms + 1000 : ms);
  // As parisMidnight: correct the guess by the offset Paris shows at it, twice for DST days.
  let result = guess;
  for (let i = 0; i < 2; i++) {
    const seen = wallClock(new Date(result));
    const seenUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second, ms < 0 ? ms + 1000 : ms);
    result = guess - (seenUtc - result);
  }
  return new Date(result);
}
