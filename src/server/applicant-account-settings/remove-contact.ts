// Account page (issue #4): the applicant may remove their e-mail or mobile at
// any time (seed 000, art. 9: optional data). Pending codes for it die too.
import { z } from "zod";
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import type { CurrentApplicant } from "../auth/current-applicant";
import { db } from "../db/client";

export const ZRemoveContactInput = z.object({ kind: z.enum(["email", "phone"]) });

export async function removeContact(current: CurrentApplicant, kind: "email" | "phone", request: RequestContext): Promise<void> {
  ZRemoveContactInput.parse({ kind });
  await db().$transaction(async (tx) => {
    const now = new Date();
    await tx.applicant.update({ where: { id: current.applicantId }, data: kind === "email" ? { email: null, emailVerifiedAt: null } : { phone: null, phoneVerifiedAt: null } });
    await tx.applicantOneTimeSecret.updateMany({
      where: { applicantId: current.applicantId, usedAt: null, purpose: { in: kind === "email" ? ["CONFIRM_EMAIL", "RECOVERY_LINK"] : ["CONFIRM_PHONE", "RECOVERY_SMS_CODE"] } },
      data: { usedAt: now },
    });
    await recordAuditEvent(tx, { actor: { type: "APPLICANT", id: current.applicantId }, action: "contact.removed", target: { type: "applicant", id: current.applicantId }, request, details: { kind } });
  });
}
