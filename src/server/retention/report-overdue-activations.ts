// Issue #7, point 2c (../shared/DESIGN.md, "Deactivation"): an account not
// activated ACTIVATION_OVERDUE_DAYS (default 30) after its registration is
// reported to OFPRA agents and to its host structure, since that person may
// need the postal track (seed 000, art. 2: the key is handed over at the
// guichet unique; CE 26 March 2025 n°488274 on the postal track). The report
// is a row in activation_overdue, read through listOverdueActivations; it is
// closed (activatedAt) if the applicant activates after all. The account itself
// is erased only once the procedure has ended (erase-ended-accounts.ts).
// Worker job "activation-overdue-report" (hourly). Idempotent (one row per
// applicant), batched.
import { DAY_MS } from "../../lib/retention-dates";
import { db } from "../db/client";
import { env } from "../env";

const BATCH = 1_000;

export async function reportOverdueActivations(now = new Date(), batchSize = BATCH): Promise<{ reported: number; closed: number }> {
  const overdueDays = env().ACTIVATION_OVERDUE_DAYS;
  const registeredBefore = new Date(now.getTime() - overdueDays * DAY_MS);
  let reported = 0;
  for (;;) {
    const overdue = await db().applicant.findMany({
      // Exempt applicants are already on the postal track; deactivated ones have left the procedure.
      where: { state: "PENDING", activatedAt: null, exempt: false, createdAt: { lte: registeredBefore }, activationOverdue: { is: null } },
      select: { id: true, createdAt: true },
      take: batchSize,
    });
    if (overdue.length === 0) break;
    const { count } = await db().activationOverdue.createMany({
      skipDuplicates: true,
      data: overdue.map((a) => ({ applicantId: a.id, dueAt: new Date(a.createdAt.getTime() + overdueDays * DAY_MS), reportedAt: now })),
    });
    reported += count;
    if (overdue.length < batchSize) break;
  }
  // Reports of applicants who activated since: closed, kept for the follow-up.
  const open = await db().activationOverdue.findMany({ where: { activatedAt: null, applicant: { activatedAt: { not: null } } }, select: { applicantId: true, applicant: { select: { activatedAt: true } } } });
  for (const report of open) {
    await db().activationOverdue.updateMany({ where: { applicantId: report.applicantId, activatedAt: null }, data: { activatedAt: report.applicant.activatedAt } });
  }
  return { reported, closed: open.length };
}
