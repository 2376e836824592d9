// Checks a 6-digit code (SMS recovery, contact confirmation): the newest
// unused, unexpired code of that purpose; 5 wrong tries kill it (issue #4:
// attempt-limited). Returns the row to consume in the caller's transaction.
import type { OneTimeSecretPurpose } from "../db/generated/client";
import { sameDigest } from "../crypto/keyed-hash";
import { db } from "../db/client";
import { AppError } from "../errors";
import { codeHash } from "./start-contact-confirmation";

export const MAX_CODE_ATTEMPTS = 5;

export async function verifyOneTimeCode(applicantId: string, purpose: OneTimeSecretPurpose, code: string, now = new Date()) {
  const secret = await db().applicantOneTimeSecret.findFirst({
    where: { applicantId, purpose, usedAt: null, expiresAt: { gt: now }, attempts: { lt: MAX_CODE_ATTEMPTS } },
    orderBy: { createdAt: "desc" },
    select: { id: true, secretHash: true, target: true },
  });
  if (!secret) throw new AppError("CODE_INVALID");
  const typed = code.replace(/\D/g, "");
  if (!/^\d{6}$/.test(typed) || !sameDigest(codeHash(secret.id, typed), secret.secretHash)) {
    await db().applicantOneTimeSecret.updateMany({ where: { id: secret.id, attempts: { lt: MAX_CODE_ATTEMPTS } }, data: { attempts: { increment: 1 } } });
    throw new AppError("CODE_INVALID");
  }
  return { id: secret.id, target: secret.target };
}
