// Erases the accounts whose procedure has ended (issue #7, point 2c; seed 002:
// an idle account is erased, here through art. 9's deactivation; seed 000,
// art. 9: only the data the space needs, for as long as it needs them).
// "The procedure has ended": the decision was notified, its appeal period is
// over and the space deactivated (procedureEndedAt) — never while a procedure
// is open, so an account not activated in time (reported to agents and the
// host structure for the postal track) stays until then. An account is erased
// only once none of its documents remains (their proofs have their own,
// longer period: erase-expired-proofs.ts). Erased with it: connection keys,
// password hash, sessions, one-time secrets, the activation report (cascades)
// and its outbox messages (they hold its e-mail address or phone number).
// Worker job "accounts-erase" (daily). Idempotent, batched, one transaction per account.
import { DAY_MS, procedureEndedAt } from "../../lib/retention-dates";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { env } from "../env";

const BATCH = 200;
/** The shortest appeal period (one month: February). */
const MIN_APPEAL_DAYS = 28;

export async function eraseEndedAccounts(now = new Date(), batchSize = BATCH): Promise<{ erased: number }> {
  const afterDays = env().DEACTIVATION_AFTER_DECISION_DAYS;
  let erased = 0;
  for (let cursor: string | undefined; ; ) {
    const candidates = await db().applicant.findMany({
      where: { ...(cursor ? { id: { gt: cursor } } : {}), state: "DEACTIVATED", decisionNotifiedAt: { lte: new Date(now.getTime() - Math.max(afterDays, MIN_APPEAL_DAYS) * DAY_MS) }, documents: { none: {} } },
      select: { id: true, decisionNotifiedAt: true },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    for (const applicant of candidates) {
      if (procedureEndedAt(applicant.decisionNotifiedAt!, afterDays).getTime() > now.getTime()) continue;
      await db().$transaction(async (tx) => {
        // Checked again in the transaction: another run erased it, or a document arrived meanwhile.
        const still = await tx.applicant.findFirst({ where: { id: applicant.id, state: "DEACTIVATED", documents: { none: {} } }, select: { id: true } });
        if (!still) return;
        await tx.outboxMessage.deleteMany({ where: { applicantId: applicant.id } });
        await tx.applicant.delete({ where: { id: applicant.id } });
        await recordAuditEvent(tx, { actor: { type: "SYSTEM" }, action: "applicant.erased", target: { type: "applicant", id: applicant.id }, details: { reason: "procedure-ended" } });
        erased++;
      });
    }
    if (candidates.length < batchSize) return { erased };
    cursor = candidates.at(-1)!.id;
  }
}
