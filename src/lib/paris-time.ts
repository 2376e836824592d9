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
