// The code sent to a new e-mail or mobile proves it reaches the applicant;
// only then is it stored and used for alerts and recovery (issue #4).
import { z } from "zod";
import { asciiDigits } from "../../lib/identifiers";
import { recordAuditEvent, recordAuditEventNow, type RequestContext } from "../audit/record-audit-event";
import { consumeRateLimit } from "../auth/rate-limit";
import type { CurrentApplicant } from "../auth/current-applicant";
import { verifyOneTimeCode } from "../applicant-contacts/verify-one-time-code";
import { db } from "../db/client";
import { AppError } from "../errors";

export const ZConfirmContactInput = z.object({ kind: z.enum(["email", "phone"]), code: z.string().min(1).max(20) });

export async function confirmContact(current: CurrentApplicant, rawInput: z.infer<typeof ZConfirmContactInput>, request: RequestContext): Promise<void> {
  const parsed = ZConfirmContactInput.safeParse(rawInput);
  if (!parsed.success) throw new AppError("CODE_INVALID");
  await consumeRateLimit("code", request.ip);
  const { kind } = parsed.data;
  const secret = await verifyOneTimeCode(current.applicantId, kind === "email" ? "CONFIRM_EMAIL" : "CONFIRM_PHONE", asciiDigits(parsed.data.code)).catch(async (error: unknown) => {
    await recordAuditEventNow({ actor: { type: "APPLICANT", id: current.applicantId }, action: "contact.confirm-failed", target: { type: "applicant", id: current.applicantId }, request, details: { kind } });
    throw error;
  });
  await db().$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.applicantOneTimeSecret.updateMany({ where: { id: secret.id, usedAt: null }, data: { usedAt: now } });
    if (count !== 1) throw new AppError("CODE_INVALID");
    await tx.applicant.update({
      where: { id: current.applicantId },
      data: kind === "email" ? { email: secret.target, emailVerifiedAt: now } : { phone: secret.target, phoneVerifiedAt: now },
    });
    await recordAuditEvent(tx, { actor: { type: "APPLICANT", id: current.applicantId }, action: "contact.confirmed", target: { type: "applicant", id: current.applicantId }, request, details: { kind } });
  });
}
