// The dates of the postal track (exempt applicants: R.723-19 CESEDA; CE 26 March
// 2025 n°488274): the sending of the registered letter, then either its receipt
// (the AR signed) or its return (not delivered, not claimed). Days as the post
// office stamps them, in Paris time. A date is never in the future, and receipt
// or return is never before the sending. Pure: no I/O.
import { isoCalendarDate, parisDateOf, parisMidnight, type CalendarDate } from "./paris-time";

export type PostalEvent = "SENT" | "RECEIVED" | "RETURNED";

export type PostalDateProblem = "format" | "future" | "beforeSending" | "notSent" | "alreadyConcluded" | "afterOutcome";

/** "2026-11-23" → the calendar day; null when it is not a real date. */
export function parseCalendarDate(input: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (year < 2000 || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** The instant stored for a postal day: 00:00 Paris that day. */
export function postalInstant(date: CalendarDate): Date {
  return parisMidnight(date);
}

type Track = { sentAt: Date | null; receivedAt: Date | null; returnedAt: Date | null };

/** What is wrong with recording `event` on `day` for a letter whose track is `track`, or null. */
export function postalDateProblem(event: PostalEvent, day: CalendarDate, track: Track, now: Date): PostalDateProblem | null {
  const iso = isoCalendarDate(day);
  if (iso > isoCalendarDate(parisDateOf(now))) return "future";
  if (event === "SENT") {
    // A corrected sending date must stay on or before the outcome already recorded.
    const outcome = track.receivedAt ?? track.returnedAt;
    if (outcome && iso > isoCalendarDate(parisDateOf(outcome))) return "afterOutcome";
    return null;
  }
  if (!track.sentAt) return "notSent";
  // Received and returned exclude each other: the AR comes back signed, or the letter comes back.
  if (event === "RECEIVED" ? track.returnedAt : track.receivedAt) return "alreadyConcluded";
  if (iso < isoCalendarDate(parisDateOf(track.sentAt))) return "beforeSending";
  return null;
}
