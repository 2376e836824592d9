// Statistics without identification (seed 004, 004_2409b268b2dc9cd5.txt:
// CESEDA R. 611-1, 4° — "établissement de statistiques" — and the destinataires
// articles: recipients by role, nothing beyond need-to-know). Issue #6, point 8:
// activation rate, documents published / opened / deemed received per ISO week
// over the last 12 weeks (weeks start Monday 00:00 Europe/Paris, DST included),
// alert delivery by channel. Counted in SQL: only aggregates leave the
// database, never an id, a number or an address.
import { assertCan } from "../authz/permissions";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";

export const STATISTICS_WEEKS = 12;

/** The alerts to applicants (seed 000, arts. 4 and 6); codes and links are not alerts. */
export const ALERT_TEMPLATES = ["document-available", "document-reminder", "login-reminder"] as const;

export type WeekCounts = {
  /** ISO week, e.g. "2026-W13". */
  week: string;
  /** Its Monday (Paris calendar), yyyy-mm-dd. */
  weekStart: string;
  published: number;
  opened: number;
  deemed: number;
};

export type AlertCounts = { channel: "EMAIL" | "SMS"; delivered: number; failed: number; pending: number };

export type UsageStatistics = {
  activation: { registered: number; activated: number };
  weeks: WeekCounts[];
  alerts: AlertCounts[];
  /** The window: from the first week's Monday 00:00 Paris, to the end of the current week. */
  from: Date;
  to: Date;
};

export async function getUsageStatistics(actor: StaffActor, now = new Date()): Promise<UsageStatistics> {
  assertCan(actor, "statistics.read");
  const prisma = db();
  const [window] = await prisma.$queryRaw<Array<{ from: Date; to: Date }>>`
    WITH b AS (SELECT date_trunc('week', ${now}::timestamptz AT TIME ZONE 'Europe/Paris') AS this_week)
    SELECT (this_week - ${STATISTICS_WEEKS - 1} * interval '1 week') AT TIME ZONE 'Europe/Paris' AS "from",
           (this_week + interval '1 week') AT TIME ZONE 'Europe/Paris' AS "to"
    FROM b`;
  const { from, to } = window!;
  const weeks = await prisma.$queryRaw<WeekCounts[]>`
    WITH weeks AS (
      SELECT generate_series(${from}::timestamptz AT TIME ZONE 'Europe/Paris', ${to}::timestamptz AT TIME ZONE 'Europe/Paris' - interval '1 week', interval '1 week') AS week_start
    ), published AS (
      SELECT date_trunc('week', available_at AT TIME ZONE 'Europe/Paris') AS week_start, count(*) AS n
      FROM document WHERE available_at >= ${from}::timestamptz AND available_at < ${to}::timestamptz GROUP BY 1
    ), receptions AS (
      SELECT date_trunc('week', event_at AT TIME ZONE 'Europe/Paris') AS week_start,
             count(*) FILTER (WHERE basis = 'OPENED') AS opened, count(*) FILTER (WHERE basis = 'DEEMED') AS deemed
      FROM receipt WHERE kind = 'RECEPTION' AND event_at >= ${from}::timestamptz AND event_at < ${to}::timestamptz GROUP BY 1
    )
    SELECT to_char(w.week_start, 'IYYY-"W"IW') AS week, to_char(w.week_start, 'YYYY-MM-DD') AS "weekStart",
           coalesce(p.n, 0)::int AS published, coalesce(r.opened, 0)::int AS opened, coalesce(r.deemed, 0)::int AS deemed
    FROM weeks w LEFT JOIN published p USING (week_start) LEFT JOIN receptions r USING (week_start)
    ORDER BY w.week_start`;
  const alertRows = await prisma.$queryRaw<AlertCounts[]>`
    SELECT channel::text AS channel,
           count(*) FILTER (WHERE status = 'DELIVERED')::int AS delivered,
           count(*) FILTER (WHERE status = 'PERMANENT_FAILURE')::int AS failed,
           count(*) FILTER (WHERE status NOT IN ('DELIVERED', 'PERMANENT_FAILURE'))::int AS pending
    FROM outbox_message
    WHERE template = ANY(${[...ALERT_TEMPLATES]}::text[]) AND created_at >= ${from}::timestamptz AND created_at < ${to}::timestamptz
    GROUP BY channel`;
  const [activation] = await prisma.$queryRaw<Array<{ registered: number; activated: number }>>`
    SELECT count(*)::int AS registered, count(activated_at)::int AS activated FROM applicant`;
  const alerts = (["EMAIL", "SMS"] as const).map((channel) => alertRows.find((row) => row.channel === channel) ?? { channel, delivered: 0, failed: 0, pending: 0 });
  return { activation: activation!, weeks, alerts, from, to };
}
