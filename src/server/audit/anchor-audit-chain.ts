// The daily anchor of the audit log (seed 000, art. 5; issue #7, point 1): the
// head of the chain at the end of each Europe/Paris day is timestamped by the
// TSA (an RFC 3161 token whose imprint is the head's hash) and kept in
// audit_anchor, so that nobody — not even the database's owner — can rewrite
// the log before that time without the verifier noticing.
// Worker job "audit-anchor", hourly: it anchors every finished day not yet
// anchored (oldest first, at most MAX_DAYS_PER_RUN), so a TSA outage or a
// stopped worker is caught up on a later run. Idempotent: one anchor per day
// (unique day; a concurrent run's insert is skipped).
import { addCalendarDays, isoCalendarDate, parisDateOf, type CalendarDate } from "../../lib/paris-time";
import { endOfParisDay, previousParisDay } from "../../lib/retention-dates";
import { db } from "../db/client";
import { requestTimestamp, TsaUnavailableError } from "../timestamping/request-timestamp";

const MAX_DAYS_PER_RUN = 31;

export type AnchorCounts = { anchored: number; tsaUnavailable: number };

const dateOnly = (day: CalendarDate) => new Date(`${isoCalendarDate(day)}T00:00:00Z`);
const calendarOf = (date: Date): CalendarDate => ({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
const before = (a: CalendarDate, b: CalendarDate) => isoCalendarDate(a) < isoCalendarDate(b);

/** The first day still to anchor: the day after the last anchor, else the day of the oldest event kept. */
async function firstDayToAnchor(): Promise<CalendarDate | null> {
  const lastAnchor = await db().auditAnchor.findFirst({ orderBy: { day: "desc" }, select: { day: true } });
  if (lastAnchor) return addCalendarDays(calendarOf(lastAnchor.day), 1);
  const oldest = await db().auditEvent.findFirst({ orderBy: { seq: "asc" }, select: { occurredAt: true } });
  return oldest ? parisDateOf(oldest.occurredAt) : null;
}

/** The last event that occurred before the end of `day` (the chain's head that evening). */
async function headAtEndOf(day: CalendarDate) {
  return db().auditEvent.findFirst({ where: { occurredAt: { lt: endOfParisDay(day) } }, orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
}

export async function anchorAuditChain(now = new Date()): Promise<AnchorCounts> {
  const counts: AnchorCounts = { anchored: 0, tsaUnavailable: 0 };
  const lastDay = previousParisDay(now);
  let day = await firstDayToAnchor();
  for (let done = 0; day && !before(lastDay, day) && done < MAX_DAYS_PER_RUN; done++, day = addCalendarDays(day, 1)) {
    const head = await headAtEndOf(day);
    if (!head) continue; // nothing written yet by the end of that day
    let token: Buffer;
    try {
      ({ token } = await requestTimestamp(Buffer.from(head.hash, "hex")));
    } catch (error) {
      if (!(error instanceof TsaUnavailableError)) throw error;
      counts.tsaUnavailable++;
      break; // retried on the next run, from this day
    }
    const { count } = await db().auditAnchor.createMany({
      skipDuplicates: true,
      data: { day: dateOnly(day), headSeq: head.seq, headHash: head.hash, timestampToken: new Uint8Array(token) },
    });
    counts.anchored += count;
  }
  return counts;
}
