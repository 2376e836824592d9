// Account page (issue #4): change the password with the current one; every
// other session is revoked (a phone where the applicant forgot to log out).
// Wrong current passwords count against the account like login failures.
import { z } from "zod";
import { recordAuditEvent, recordAuditEventNow, type RequestContext } from "../audit/record-audit-event";
import { applicantSubject, clearLoginFailures, recordLoginFailure, throttledUntil } from "../auth/login-throttle";
import { hashPassword, verifyPassword } from "../auth/password-hashing";
import { revokeApplicantSessions } from "../applicant-sessions/revoke-applicant-sessions";
import { assertPasswordAcceptable } from "../applicant-accounts/assert-password-acceptable";
import { setApplicantPassword } from "../applicant-accounts/set-applicant-password";
import type { CurrentApplicant } from "../auth/current-applicant";
import { db } from "../db/client";
import { AppError } from "../errors";

export const ZChangePasswordInput = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(1024) });

export async function changePassword(current: CurrentApplicant, rawInput: z.infer<typeof ZChangePasswordInput>, request: RequestContext): Promise<{ revokedSessions: number }> {
  const parsed = ZChangePasswordInput.safeParse(rawInput);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  const applicant = await db().applicant.findFirst({
    where: { id: current.applicantId, state: "ACTIVE" },
    select: { id: true, agdrefNumber: true, ofpraNumber: true, credential: { select: { passwordHash: true } } },
  });
  if (!applicant?.credential) throw new AppError("SESSION_EXPIRED");
  const subject = applicantSubject(applicant.id);
  const blockedUntil = await throttledUntil(subject);
  if (blockedUntil) throw new AppError("ACCOUNT_LOCKED", { retryAt: blockedUntil.toISOString() });
  if (!(await verifyPassword(applicant.credential.passwordHash, parsed.data.currentPassword))) {
    const lockedUntil = await recordLoginFailure(subject);
    await recordAuditEventNow({ actor: { type: "APPLICANT", id: applicant.id }, action: "password.change-failed", target: { type: "applicant", id: applicant.id }, request });
    if (lockedUntil) throw new AppError("ACCOUNT_LOCKED", { retryAt: lockedUntil.toISOString() });
    throw new AppError("CREDENTIALS_INVALID");
  }
  assertPasswordAcceptable(parsed.data.newPassword, [applicant.agdrefNumber, applicant.ofpraNumber]);
  const passwordHash = await hashPassword(parsed.data.newPassword);
  const revokedSessions = await db().$transaction(async (tx) => {
    await setApplicantPassword(tx, applicant.id, passwordHash);
    const count = await revokeApplicantSessions(tx, applicant.id, { except: current.sessionId });
    await recordAuditEvent(tx, { actor: { type: "APPLICANT", id: applicant.id }, action: "password.changed", target: { type: "applicant", id: applicant.id }, request, details: { revokedSessions: count } });
    return count;
  });
  await clearLoginFailures(subject);
  return { revokedSessions };
}
