// The end of a staff sign-in, once the second factor is checked: the challenge
// is spent (a race between two submissions lets one through), a full session
// with a new token replaces it, and the sign-in is audited (seed 000, art. 5).
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import type { TransactionClient } from "../db/client";
import { AppError } from "../errors";
import { openStaffSession, type OpenedStaffSession } from "../staff-sessions/open-staff-session";

export type SecondFactorUsed = "totp" | "recovery-code" | "enrolment";

export async function finishStaffSignIn(
  tx: TransactionClient,
  challenge: { sessionId: string; staffUserId: string },
  secondFactor: SecondFactorUsed,
  request: RequestContext,
  now = new Date(),
): Promise<OpenedStaffSession> {
  const spent = await tx.staffSession.updateMany({ where: { id: challenge.sessionId, secondFactorAt: null, revokedAt: null }, data: { revokedAt: now } });
  if (spent.count !== 1) throw new AppError("SESSION_EXPIRED");
  const session = await openStaffSession(tx, challenge.staffUserId, "session", now);
  await tx.staffUser.update({ where: { id: challenge.staffUserId }, data: { lastLoginAt: now } });
  await recordAuditEvent(tx, {
    actor: { type: "STAFF", id: challenge.staffUserId },
    action: "staff.login.succeeded",
    target: { type: "staff_user", id: challenge.staffUserId },
    request,
    details: { secondFactor, sessionId: session.sessionId },
  });
  return session;
}
