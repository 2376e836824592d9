// Seed 000, art. 9: "l'espace personnel numérique sécurisé est désactivé dans un
// délai maximal d'un an à compter de la date de notification de la décision".
// A space whose decision was notified DEACTIVATION_AFTER_DECISION_DAYS ago
// (default 365) is deactivated: no more sign-in (sign-in and sessions need an
// ACTIVE account), sessions and connection keys revoked, the password hash and
// pending one-time secrets erased (seed 002: proportionate retention). The
// documents and receipts stay until their own period ends (erase-expired-proofs.ts).
// Worker job "spaces-deactivate", every minute, so a space is never open more
// than a minute past its date. Idempotent (only spaces not yet deactivated),
// batched, one transaction per space.
import { DAY_MS } from "../../lib/retention-dates";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { env } from "../env";

const BATCH = 200;

export async function deactivateExpiredSpaces(now = new Date(), batchSize = BATCH): Promise<{ deactivated: number }> {
  const notifiedBefore = new Date(now.getTime() - env().DEACTIVATION_AFTER_DECISION_DAYS * DAY_MS);
  let deactivated = 0;
  for (;;) {
    const due = await db().applicant.findMany({
      where: { state: { not: "DEACTIVATED" }, decisionNotifiedAt: { lte: notifiedBefore } },
      select: { id: true },
      orderBy: { decisionNotifiedAt: "asc" },
      take: batchSize,
    });
    for (const { id } of due) {
      await db().$transaction(async (tx) => {
        const { count } = await tx.applicant.updateMany({ where: { id, state: { not: "DEACTIVATED" } }, data: { state: "DEACTIVATED", deactivatedAt: now } });
        if (count === 0) return; // another run got there first
        await tx.applicantSession.updateMany({ where: { applicantId: id, revokedAt: null }, data: { revokedAt: now } });
        await tx.connectionKey.updateMany({ where: { applicantId: id, revokedAt: null }, data: { revokedAt: now } });
        await tx.applicantCredential.deleteMany({ where: { applicantId: id } });
        await tx.applicantOneTimeSecret.deleteMany({ where: { applicantId: id } });
        await recordAuditEvent(tx, { actor: { type: "SYSTEM" }, action: "applicant.deactivated", target: { type: "applicant", id }, details: { reason: "decision-plus-period" } });
        deactivated++;
      });
    }
    if (due.length < batchSize) return { deactivated };
  }
}
