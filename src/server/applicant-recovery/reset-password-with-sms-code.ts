// Recovery (c) of seed 000, art. 3, second step: identifier + the SMS code
// (10 minutes, single use, 5 tries) → a new password.
import { applicantByIdentifier } from "../applicant-accounts/applicant-by-identifier";
import { z } from "zod";
import { asciiDigits, parseApplicantIdentifier } from "../../lib/identifiers";
import { recordAuditEventNow, type RequestContext } from "../audit/record-audit-event";
import { consumeRateLimit } from "../auth/rate-limit";
import type { OpenedSession } from "../applicant-sessions/create-applicant-session";
import { verifyOneTimeCode } from "../applicant-contacts/verify-one-time-code";
import { db } from "../db/client";
import { AppError, isAppError } from "../errors";
import { completePasswordReset } from "./complete-password-reset";

export const ZResetWithSmsCodeInput = z.object({ identifier: z.string().min(1).max(64), code: z.string().min(1).max(20), password: z.string().min(1).max(1024) });

export async function resetPasswordWithSmsCode(rawInput: z.infer<typeof ZResetWithSmsCodeInput>, request: RequestContext): Promise<OpenedSession> {
  const parsed = ZResetWithSmsCodeInput.safeParse(rawInput);
  const identifier = parsed.success ? parseApplicantIdentifier(parsed.data.identifier) : null;
  if (!parsed.success || !identifier) throw new AppError("INVALID_INPUT");
  await consumeRateLimit("code", request.ip);
  const applicant = await db().applicant.findFirst({
    where: { ...applicantByIdentifier(identifier), state: "ACTIVE" },
    select: { id: true, agdrefNumber: true, ofpraNumber: true },
  });
  let secret: { id: string } | null = null;
  try {
    if (applicant) secret = await verifyOneTimeCode(applicant.id, "RECOVERY_SMS_CODE", asciiDigits(parsed.data.code));
  } catch (error) {
    if (!isAppError(error, "CODE_INVALID")) throw error;
  }
  if (!applicant || !secret) {
    await recordAuditEventNow({ actor: { type: "ANONYMOUS" }, action: "recovery.failed", target: applicant ? { type: "applicant", id: applicant.id } : undefined, request, details: { via: "sms-code" } });
    throw new AppError("CODE_INVALID");
  }
  const secretId = secret.id;
  return completePasswordReset(applicant, parsed.data.password, "sms-code", request, async (tx, now) => {
    const { count } = await tx.applicantOneTimeSecret.updateMany({ where: { id: secretId, usedAt: null }, data: { usedAt: now } });
    return count === 1;
  });
}
