// Staff sign-in, second step (issue #6, point 1): the 6-digit TOTP code of the
// enrolled authenticator, accepted within ±1 step and never twice (the last
// accepted step is kept: RFC 6238, 5.2), or one of the single-use recovery
// codes. Wrong codes count in the same per-account throttle as wrong passwords
// (CNIL deliberation 2022-100) and are audited (seed 000, art. 5).
import { parseSecondFactorCode } from "../../lib/second-factor-code";
import { recordAuditEventNow, type RequestContext } from "../audit/record-audit-event";
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

export async function verifyStaffSecondFactor(challengeToken: string, input: { code: string }, request: RequestContext, now = new Date()): Promise<OpenedStaffSession> {
  const challenge = await resolveSignInChallenge(challengeToken, now);
  if (!challenge || !challenge.enrolled) throw new AppError("SESSION_EXPIRED");
  const code = parseSecondFactorCode(input.code);
  if (!code) throw new AppError("INVALID_INPUT");
  await consumeRateLimit("staffCode", request.ip);
  const subject = staffSubject(challenge.staffUserId);
  const blockedUntil = await throttledUntil(subject, now);
  if (blockedUntil) throw new AppError("ACCOUNT_LOCKED", { retryAt: blockedUntil.toISOString() });

  const staff = await db().staffUser.findUniqueOrThrow({ where: { id: challenge.staffUserId }, select: { id: true, totpSecret: true, totpLastStep: true } });
  const secret = openSecret("totp-secret", staff.id, staff.totpSecret!);
  let failure: "wrong-code" | "replayed-code" | "unknown-recovery-code" | null = null;

  const session = await db().$transaction(async (tx) => {
    if (code.kind === "totp") {
      const step = await acceptedTotpStep(secret, code.code, staff.totpLastStep, now);
      // The step is taken only if no other request took it or a later one first.
      const taken = step === null ? 0 : (await tx.staffUser.updateMany({ where: { id: staff.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] }, data: { totpLastStep: step } })).count;
      if (taken !== 1) {
        failure = (await acceptedTotpStep(secret, code.code, null, now)) !== null ? "replayed-code" : "wrong-code";
        return null;
      }
    } else {
      const used = await tx.staffRecoveryCode.updateMany({ where: { staffUserId: staff.id, codeHash: keyedHash("staff-recovery-code", code.code), usedAt: null }, data: { usedAt: now } });
      if (used.count !== 1) {
        failure = "unknown-recovery-code";
        return null;
      }
    }
    return finishStaffSignIn(tx, challenge, code.kind === "totp" ? "totp" : "recovery-code", request, now);
  });

  if (!session) {
    const lockedUntil = await recordLoginFailure(subject, now);
    await recordAuditEventNow({
      actor: { type: "ANONYMOUS" },
      action: "staff.login.failed",
      target: { type: "staff_user", id: staff.id },
      request,
      details: { step: code.kind === "totp" ? "totp" : "recovery-code", reason: failure, locked: Boolean(lockedUntil) },
    });
    if (lockedUntil) throw new AppError("ACCOUNT_LOCKED", { retryAt: lockedUntil.toISOString() });
    throw new AppError("CODE_INVALID");
  }
  await clearLoginFailures(subject);
  return session;
}
