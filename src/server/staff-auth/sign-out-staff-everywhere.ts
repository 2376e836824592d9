// "Log out everywhere" for staff (issue #6, point 1): every session of the
// signed-in staff user ends server-side, this one included (a forgotten
// browser elsewhere, a doubt about a shared computer); audited (seed 000, art. 5).
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { db } from "../db/client";
import { revokeStaffSessions } from "../staff-admin/revoke-staff-sessions";

export async function signOutStaffEverywhere(current: { staffUserId: string; sessionId: string }, request: RequestContext): Promise<number> {
  return db().$transaction(async (tx) => {
    const revoked = await revokeStaffSessions(tx, current.staffUserId);
    await recordAuditEvent(tx, { actor: { type: "STAFF", id: current.staffUserId }, action: "staff.logout-everywhere", target: { type: "staff_user", id: current.staffUserId }, request, details: { sessionsRevoked: revoked } });
    return revoked;
  });
}
