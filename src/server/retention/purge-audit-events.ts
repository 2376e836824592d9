// Purges the audit log's days older than the retention window (seed 003: "log
// data is kept for 1 year"; LOG_RETENTION_DAYS, never less than 365), whole
// Paris days at a time and only once anchored (ADR 010): for each anchored day
// past the window, oldest first, the segment from the last checkpoint to the
// day's anchored head is verified (hashes, links, token), then the SQL function
// audit_purge_anchored_day deletes it and writes the new checkpoint in one
// transaction. A segment that fails verification is never purged: the evidence
// is kept for the people who will investigate it.
// Worker job "audit-purge" (daily). Idempotent and resumable: each day is its
// own transaction; a purged day is skipped; at most MAX_DAYS_PER_RUN per run.
import { DAY_MS, endOfParisDay } from "../../lib/retention-dates";
import { verifyAuditChain } from "../audit/verify-audit-chain";
import { db } from "../db/client";
import { env } from "../env";

const MAX_DAYS_PER_RUN = 31;

export type PurgeAuditCounts = { days: number; events: number; refused: number };

const calendarOf = (date: Date) => ({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });

export async function purgeAuditEvents(now = new Date()): Promise<PurgeAuditCounts> {
  const retentionDays = env().LOG_RETENTION_DAYS;
  const counts: PurgeAuditCounts = { days: 0, events: 0, refused: 0 };
  const checkpoint = await db().auditCheckpoint.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
  const candidates = await db().auditAnchor.findMany({
    where: { headSeq: { gt: checkpoint?.seq ?? 0n } },
    orderBy: { day: "asc" },
    select: { day: true, headSeq: true },
    take: MAX_DAYS_PER_RUN,
  });
  for (const anchor of candidates) {
    // The whole day must be older than the window (the SQL function checks it again).
    if (endOfParisDay(calendarOf(anchor.day)).getTime() + retentionDays * DAY_MS > now.getTime()) break;
    const report = await verifyAuditChain({ throughSeq: anchor.headSeq });
    if (!report.intact) {
      counts.refused++;
      break;
    }
    const [row] = await db().$queryRaw<Array<{ purged: bigint }>>`SELECT audit_purge_anchored_day(${anchor.day.toISOString().slice(0, 10)}::date, ${retentionDays}::integer, ${now}::timestamptz) AS purged`;
    counts.days++;
    counts.events += Number(row?.purged ?? 0n);
  }
  return counts;
}
