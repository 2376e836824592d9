// Staff sign-in, first step (issue #6, point 1): e-mail + password. Success
// opens only a short sign-in challenge; the session itself needs the second
// factor (verify-staff-second-factor.ts) or, at the first sign-in, the TOTP
// enrolment (complete-totp-enrolment.ts). As for applicants (ADR 006): the
// same answer and time whether the address is unknown, the account disabled or
// without a password, or the password wrong; per-account throttle (CNIL
// deliberation 2022-100) and per-IP limit; every failure audited (seed 000, art. 5).
// The throttle is cleared only once the second factor is checked, so knowing
// the password does not buy more guesses at the code.
import { z } from "zod";
import { normalizeEmail } from "../../lib/contact-formats";
import { recordAuditEvent, recordAuditEventNow, type RequestContext } from "../audit/record-audit-event";
import { recordLoginFailure, staffSubject, throttledUntil, unknownIdentifierSubject } from "../auth/login-throttle";
import { hashPassword, verifyAgainstNothing, verifyPassword } from "../auth/password-hashing";
import { passwordNeedsRehash } from "../auth/password-rehash";
import { consumeRateLimit } from "../auth/rate-limit";
import { sealSecret } from "../crypto/secret-box";
import { db } from "../db/client";
import { AppError } from "../errors";
import { openStaffSession, type OpenedStaffSession } from "../staff-sessions/open-staff-session";
import { newTotpSecret } from "./totp";

export const ZStaffSignInInput = z.object({
  // Normalised as invite-staff.ts stores it (NFKC, lower case): every address that can be invited can sign in (issue #7, bad-input sweep).
  email: z.string().transform((value, ctx) => normalizeEmail(value) ?? (ctx.addIssue({ code: "custom", message: "emailFormat" }), z.NEVER)),
  password: z.string().min(1).max(1024),
});
export type TStaffSignInInput = z.input<typeof ZStaffSignInInput>;

export type StaffSignInStep = OpenedStaffSession & { next: "code" | "enrol" };

export async function signInStaff(rawInput: TStaffSignInInput, request: RequestContext): Promise<StaffSignInStep> {
  const parsed = ZStaffSignInInput.safeParse(rawInput);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  const { email, password } = parsed.data;
  await consumeRateLimit("staffLogin", request.ip);

  const staff = await db().staffUser.findUnique({ where: { email }, select: { id: true, passwordHash: true, disabledAt: true, totpSecret: true, totpEnrolledAt: true } });
  const subject = staff ? staffSubject(staff.id) : unknownIdentifierSubject(`staff:${email}`);
  const blockedUntil = await throttledUntil(subject);
  if (blockedUntil) throw new AppError("ACCOUNT_LOCKED", { retryAt: blockedUntil.toISOString() });

  const hash = staff && !staff.disabledAt ? staff.passwordHash : null;
  const valid = hash ? await verifyPassword(hash, password) : await verifyAgainstNothing(password);
  if (!valid || !staff) {
    const lockedUntil = await recordLoginFailure(subject);
    const reason = !staff ? "unknown-email" : staff.disabledAt ? "disabled" : !staff.passwordHash ? "no-password" : "wrong-password";
    await recordAuditEventNow({
      actor: { type: "ANONYMOUS" },
      action: "staff.login.failed",
      target: staff ? { type: "staff_user", id: staff.id } : undefined,
      request,
      details: { step: "password", reason, locked: Boolean(lockedUntil) },
    });
    if (lockedUntil) throw new AppError("ACCOUNT_LOCKED", { retryAt: lockedUntil.toISOString() });
    throw new AppError("CREDENTIALS_INVALID");
  }

  const newHash = passwordNeedsRehash(hash!) ? await hashPassword(password) : null;
  const enrolled = staff.totpEnrolledAt !== null;
  return db().$transaction(async (tx) => {
    if (newHash) await tx.staffUser.update({ where: { id: staff.id }, data: { passwordHash: newHash } });
    // First sign-in: the secret to enrol is drawn now and kept (sealed) until the enrolment is confirmed,
    // so that signing in again shows the same QR code.
    if (!enrolled && !staff.totpSecret) {
      await tx.staffUser.updateMany({ where: { id: staff.id, totpSecret: null }, data: { totpSecret: sealSecret("totp-secret", staff.id, newTotpSecret()) } });
    }
    const challenge = await openStaffSession(tx, staff.id, "challenge");
    await recordAuditEvent(tx, {
      actor: { type: "STAFF", id: staff.id },
      action: "staff.login.password-accepted",
      target: { type: "staff_user", id: staff.id },
      request,
      details: { next: enrolled ? "code" : "enrol" },
    });
    return { ...challenge, next: enrolled ? "code" : "enrol" } as const;
  });
}
