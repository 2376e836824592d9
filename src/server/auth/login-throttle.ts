// Stores the per-account throttle of src/lib/login-throttle-policy.ts (CNIL
// deliberation 2022-100), for applicants and staff alike. The subject of an unknown identifier is a keyed hash
// of it, throttled exactly like an account, so that the answers never tell
// whether an account exists.
import { afterFailure, EMPTY_THROTTLE, lockedUntil, type ThrottleState } from "../../lib/login-throttle-policy";
import { keyedHash } from "../crypto/keyed-hash";
import { db } from "../db/client";

export function applicantSubject(applicantId: string): string {
  return `applicant:${applicantId}`;
}

/** A staff account: wrong passwords and wrong second-factor codes count together (issue #6, point 1). */
export function staffSubject(staffUserId: string): string {
  return `staff:${staffUserId}`;
}

/** An applicant number or a staff e-mail address that matches no account. */
export function unknownIdentifierSubject(identifier: string): string {
  return `unknown:${keyedHash("unknown-identifier", identifier)}`;
}

/** The instant the subject may try again, or null. */
export async function throttledUntil(subject: string, now = new Date()): Promise<Date | null> {
  const row = await db().loginThrottle.findUnique({ where: { subject } });
  return row ? lockedUntil(row, now) : null;
}

/** Counts one failure (serialized per subject by a row lock) and returns the new block end, if any. */
export async function recordLoginFailure(subject: string, now = new Date()): Promise<Date | null> {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO login_throttle (subject) VALUES (${subject}) ON CONFLICT (subject) DO NOTHING`;
    const [row] = await tx.$queryRaw<ThrottleState[]>`
      SELECT consecutive_failures AS "consecutiveFailures", window_started_at AS "windowStartedAt",
             window_failures AS "windowFailures", locked_until AS "lockedUntil"
      FROM login_throttle WHERE subject = ${subject} FOR UPDATE`;
    const next = afterFailure(row ?? EMPTY_THROTTLE, now);
    await tx.loginThrottle.update({ where: { subject }, data: { ...next, updatedAt: now } });
    return lockedUntil(next, now);
  });
}

/** A success, or a recovery by the real owner, clears the counters. */
export async function clearLoginFailures(subject: string): Promise<void> {
  await db().loginThrottle.deleteMany({ where: { subject } });
}
