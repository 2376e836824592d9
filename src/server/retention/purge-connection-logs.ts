// Purges the connection logs older than the retention window (seed 003: "log
// data is kept for 1 year"; LOG_RETENTION_DAYS): applicants' and staff
// sessions (the applicant's login history: time, masked IP, device) last seen
// before the window and no longer usable, and login-failure counters untouched
// since. The audit log's own login events go with its whole days
// (purge-audit-events.ts, ADR 010).
// Worker job "connection-logs-purge" (daily). Idempotent, batched (PURGE_BATCH rows
// per statement), resumable: each batch commits on its own.
import { DAY_MS } from "../../lib/retention-dates";
import { db } from "../db/client";
import { env } from "../env";

export const PURGE_BATCH = 1_000;

export type PurgeConnectionLogsCounts = { applicantSessions: number; staffSessions: number; loginThrottles: number };

/** Deletes by batches of ids until none is left; returns how many. */
async function inBatches(batchSize: number, nextIds: () => Promise<string[]>, remove: (ids: string[]) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const ids = await nextIds();
    if (ids.length === 0) return total;
    total += await remove(ids);
    if (ids.length < batchSize) return total;
  }
}

export async function purgeConnectionLogs(now = new Date(), batchSize = PURGE_BATCH): Promise<PurgeConnectionLogsCounts> {
  const cutoff = new Date(now.getTime() - env().LOG_RETENTION_DAYS * DAY_MS);
  // "lastSeenAt < cutoff": the whole session is older than the window; an unexpired one is kept whatever its age.
  const sessionWhere = { lastSeenAt: { lt: cutoff }, expiresAt: { lte: now } };
  const applicantSessions = await inBatches(
    batchSize,
    async () => (await db().applicantSession.findMany({ where: sessionWhere, select: { id: true }, take: batchSize })).map((s) => s.id),
    async (ids) => (await db().applicantSession.deleteMany({ where: { id: { in: ids } } })).count,
  );
  const staffSessions = await inBatches(
    batchSize,
    async () => (await db().staffSession.findMany({ where: sessionWhere, select: { id: true }, take: batchSize })).map((s) => s.id),
    async (ids) => (await db().staffSession.deleteMany({ where: { id: { in: ids } } })).count,
  );
  const loginThrottles = await inBatches(
    batchSize,
    async () => (await db().loginThrottle.findMany({ where: { updatedAt: { lt: cutoff } }, select: { subject: true }, take: batchSize })).map((t) => t.subject),
    async (subjects) => (await db().loginThrottle.deleteMany({ where: { subject: { in: subjects }, updatedAt: { lt: cutoff } } })).count,
  );
  return { applicantSessions, staffSessions, loginThrottles };
}
