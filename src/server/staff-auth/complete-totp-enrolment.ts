// TOTP enrolment at a staff user's first sign-in (issue #6, point 1): the first
// code of the newly scanned authenticator proves the secret was received; it
// enrols the user, issues 10 single-use recovery codes (shown once, only their
// keyed hash kept) and opens the session. Wrong codes are throttled and
// audited like wrong passwords (CNIL deliberation 2022-100; seed 000, art. 5).
import { randomInt } from "node:crypto";
import { formatRecoveryCode, RECOVERY_CODE_COUNT, RECOVERY_CODE_LENGTH, recoveryCodeFromValues, parseSecondFactorCode } from "../../lib/second-factor-code";
import { recordAuditEvent, recordAuditEventNow, type RequestContext } from "../audit/record-audit-event";
import { clearLoginFailures, recordLoginFailure, staffSubject, throttledUntil } from "../auth/login-throttle";
import { consumeRateLimit } from "../auth/rate-limit";
import { keyedHash } from "../crypto/keyed-hash";
import { openSecret } from "../crypto/secret-box";
import { db } from "../db/client";
import { AppError } from "../errors";
import type { OpenedStaffSession } from "../staff-sessions/open-staff-session";
import { resolveSignInChallenge } from "../staff-sessions/resolve-staff-session";
import { finishStaffSignIn } from "./finish-staff-sign-in";
import { acceptedTotpStep } from "./totp";

export type CompletedEnrolment = OpenedStaffSession & { recoveryCodes: string[] };

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => recoveryCodeFromValues(Array.from({ length: RECOVERY_CODE_LENGTH }, () => randomInt(32))));
}

export async function completeTotpEnrolment(challengeToken: string, input: { code: string }, request: RequestContext, now = new Date()): Promise<CompletedEnrolment> {
  const challenge = await resolveSignInChallenge(challengeToken, now);
  if (!challenge || challenge.enrolled) throw new AppError("SESSION_EXPIRED");
  const code = parseSecondFactorCode(input.code);
  if (code?.kind !== "totp") throw new AppError("INVALID_INPUT");
  await consumeRateLimit("staffCode", request.ip);
  const subject = staffSubject(challenge.staffUserId);
  const blockedUntil = await throttledUntil(subject, now);
  if (blockedUntil) throw new AppError("ACCOUNT_LOCKED", { retryAt: blockedUntil.toISOString() });

  const staff = await db().staffUser.findUniqueOrThrow({ where: { id: challenge.staffUserId }, select: { id: true, totpSecret: true } });
  if (!staff.totpSecret) throw new AppError("SESSION_EXPIRED");
  const step = await acceptedTotpStep(openSecret("totp-secret", staff.id, staff.totpSecret), code.code, null, now);
  if (step === null) {
    const lockedUntil = await recordLoginFailure(subject, now);
    await recordAuditEventNow({ actor: { type: "ANONYMOUS" }, action: "staff.login.failed", target: { type: "staff_user", id: staff.id }, request, details: { step: "enrolment", reason: "wrong-code", locked: Boolean(lockedUntil) } });
    if (lockedUntil) throw new AppError("ACCOUNT_LOCKED", { retryAt: lockedUntil.toISOString() });
    throw new AppError("CODE_INVALID");
  }

  const recoveryCodes = newRecoveryCodes();
  const session = await db().$transaction(async (tx) => {
    // Enrolled once: a second submission of the same page finds nothing to enrol.
    const enrolled = await tx.staffUser.updateMany({ where: { id: staff.id, totpEnrolledAt: null, totpSecret: staff.totpSecret }, data: { totpEnrolledAt: now, totpLastStep: step } });
    if (enrolled.count !== 1) throw new AppError("SESSION_EXPIRED");
    await tx.staffRecoveryCode.deleteMany({ where: { staffUserId: staff.id } });
    await tx.staffRecoveryCode.createMany({ data: recoveryCodes.map((value) => ({ staffUserId: staff.id, codeHash: keyedHash("staff-recovery-code", value), createdAt: now })) });
    await recordAuditEvent(tx, { actor: { type: "STAFF", id: staff.id }, action: "staff.totp.enrolled", target: { type: "staff_user", id: staff.id }, request, details: { recoveryCodes: recoveryCodes.length } });
    return finishStaffSignIn(tx, challenge, "enrolment", request, now);
  });
  await clearLoginFailures(subject);
  return { ...session, recoveryCodes: recoveryCodes.map(formatRecoveryCode) };
}
