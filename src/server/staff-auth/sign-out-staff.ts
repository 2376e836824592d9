// Staff sign-out (issue #6, point 1): the session row is revoked server-side,
// so a copied cookie is worthless afterwards; audited (seed 000, art. 5).
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { db } from "../db/client";

export async function signOutStaff(current: { staffUserId: string; sessionId: string }, request: RequestContext): Promise<void> {
  await db().$transaction(async (tx) => {
    const { count } = await tx.staffSession.updateMany({ where: { id: current.sessionId, staffUserId: current.staffUserId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) return;
    await recordAuditEvent(tx, { actor: { type: "STAFF", id: current.staffUserId }, action: "staff.logout", target: { type: "staff_user", id: current.staffUserId }, request, details: { sessionId: current.sessionId } });
  });
}
