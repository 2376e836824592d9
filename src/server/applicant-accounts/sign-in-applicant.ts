// Login (seed 000, art. 4): AGDREF number or OFPRA number + password.
// The same answer and about the same time whether the identifier is unknown,
// the account not activated, or the password wrong (no account enumeration);
// failures are throttled per account as CNIL deliberation 2022-100 asks, and
// per IP; every failure is audited (seed 000, art. 5).
import { applicantByIdentifier } from "./applicant-by-identifier";
import { z } from "zod";
import { parseApplicantIdentifier } from "../../lib/identifiers";
import { recordAuditEvent, recordAuditEventNow, type RequestContext } from "../audit/record-audit-event";
import { applicantSubject, clearLoginFailures, recordLoginFailure, throttledUntil, unknownIdentifierSubject } from "../auth/login-throttle";
import { hashPassword, verifyAgainstNothing, verifyPassword } from "../auth/password-hashing";
import { consumeRateLimit } from "../auth/rate-limit";
import { createApplicantSession, type OpenedSession } from "../applicant-sessions/create-applicant-session";
import { db } from "../db/client";
import { AppError } from "../errors";
import { passwordNeedsRehash } from "../auth/password-rehash";

export const ZSignInInput = z.object({ identifier: z.string().min(1).max(64), password: z.string().min(1).max(1024) });
export type TSignInInput = z.infer<typeof ZSignInInput>;

export async function signInApplicant(rawInput: TSignInInput, request: RequestContext): Promise<OpenedSession & { applicantId: string; language: string }> {
  const parsed = ZSignInInput.safeParse(rawInput);
  const identifier = parsed.success ? parseApplicantIdentifier(parsed.data.identifier) : null;
  if (!parsed.success || !identifier) throw new AppError("INVALID_INPUT");
  await consumeRateLimit("login", request.ip);

  const applicant = await db().applicant.findUnique({
    where: applicantByIdentifier(identifier),
    select: { id: true, state: true, language: true, credential: { select: { passwordHash: true } } },
  });
  const subject = applicant ? applicantSubject(applicant.id) : unknownIdentifierSubject(identifier.value);
  const blockedUntil = await throttledUntil(subject);
  if (blockedUntil) throw new AppError("ACCOUNT_LOCKED", { retryAt: blockedUntil.toISOString() });

  const hash = applicant?.state === "ACTIVE" ? applicant.credential?.passwordHash : undefined;
  const valid = hash ? await verifyPassword(hash, parsed.data.password) : await verifyAgainstNothing(parsed.data.password);
  if (!valid || !applicant) {
    const lockedUntil = await recordLoginFailure(subject);
    await recordAuditEventNow({
      actor: { type: "ANONYMOUS" },
      action: "login.failed",
      target: applicant ? { type: "applicant", id: applicant.id } : undefined,
      request,
      details: { reason: !applicant ? "unknown-identifier" : hash ? "wrong-password" : "not-active", by: identifier.kind, locked: Boolean(lockedUntil) },
    });
    if (lockedUntil) throw new AppError("ACCOUNT_LOCKED", { retryAt: lockedUntil.toISOString() });
    throw new AppError("CREDENTIALS_INVALID");
  }

  const newHash = passwordNeedsRehash(hash!) ? await hashPassword(parsed.data.password) : null;
  const session = await db().$transaction(async (tx) => {
    if (newHash) await tx.applicantCredential.update({ where: { applicantId: applicant.id }, data: { passwordHash: newHash } });
    const opened = await createApplicantSession(tx, applicant.id, request);
    await recordAuditEvent(tx, { actor: { type: "APPLICANT", id: applicant.id }, action: "login.succeeded", target: { type: "applicant", id: applicant.id }, request, details: { by: identifier.kind, sessionId: opened.sessionId } });
    return opened;
  });
  await clearLoginFailures(subject);
  return { ...session, applicantId: applicant.id, language: applicant.language };
}
