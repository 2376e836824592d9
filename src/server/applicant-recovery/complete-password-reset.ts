// The end of every recovery (seed 000, art. 3): new password, every earlier
// session revoked, the throttle cleared (the real owner's way back from a
// lockout), a fresh session opened. `consume` marks the key, link or code used
// in the same transaction, so it cannot serve twice.
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { applicantSubject, clearLoginFailures } from "../auth/login-throttle";
import { hashPassword } from "../auth/password-hashing";
import { createApplicantSession, type OpenedSession } from "../applicant-sessions/create-applicant-session";
import { revokeApplicantSessions } from "../applicant-sessions/revoke-applicant-sessions";
import { assertPasswordAcceptable } from "../applicant-accounts/assert-password-acceptable";
import { setApplicantPassword } from "../applicant-accounts/set-applicant-password";
import { db, type TransactionClient } from "../db/client";
import { AppError } from "../errors";

export type RecoveryChannel = "key" | "email-link" | "sms-code";

export async function completePasswordReset(
  applicant: { id: string; agdrefNumber: string; ofpraNumber: string | null },
  newPassword: string,
  via: RecoveryChannel,
  request: RequestContext,
  consume: (tx: TransactionClient, now: Date) => Promise<boolean>,
): Promise<OpenedSession> {
  assertPasswordAcceptable(newPassword, [applicant.agdrefNumber, applicant.ofpraNumber]);
  const passwordHash = await hashPassword(newPassword);
  const now = new Date();
  const session = await db().$transaction(async (tx) => {
    if (!(await consume(tx, now))) return null;
    await setApplicantPassword(tx, applicant.id, passwordHash, now);
    const revoked = await revokeApplicantSessions(tx, applicant.id, {}, now);
    const opened = await createApplicantSession(tx, applicant.id, request, now);
    await recordAuditEvent(tx, {
      actor: { type: "APPLICANT", id: applicant.id },
      action: "password.recovered",
      target: { type: "applicant", id: applicant.id },
      request,
      details: { via, revokedSessions: revoked },
    });
    return opened;
  });
  // Consumed meanwhile by a concurrent request: the same answer as a used secret.
  if (!session) throw new AppError(via === "email-link" ? "LINK_INVALID" : via === "sms-code" ? "CODE_INVALID" : "KEY_INVALID");
  await clearLoginFailures(applicantSubject(applicant.id));
  return session;
}
