// Recovery (b) of seed 000, art. 3, second step: the single-use e-mail link
// (30 minutes) → a new password. Used, expired, superseded or unknown links
// all answer LINK_INVALID.
import { z } from "zod";
import type { RequestContext } from "../audit/record-audit-event";
import { recordAuditEventNow } from "../audit/record-audit-event";
import type { OpenedSession } from "../applicant-sessions/create-applicant-session";
import { keyedHash } from "../crypto/keyed-hash";
import { db } from "../db/client";
import { AppError } from "../errors";
import { completePasswordReset } from "./complete-password-reset";

export const ZResetWithLinkInput = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/), password: z.string().min(1).max(1024) });

/** The link's secret row if it can still be used (also for showing the form). */
export async function findUsableRecoveryLink(token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return db().applicantOneTimeSecret.findFirst({
    where: { secretHash: keyedHash("one-time-secret", token), purpose: "RECOVERY_LINK", usedAt: null, expiresAt: { gt: now }, applicant: { state: "ACTIVE" } },
    select: { id: true, applicant: { select: { id: true, agdrefNumber: true, ofpraNumber: true } } },
  });
}

export async function resetPasswordWithLink(rawInput: { token: string; password: string }, request: RequestContext): Promise<OpenedSession> {
  const parsed = ZResetWithLinkInput.safeParse(rawInput);
  if (!parsed.success) throw new AppError("LINK_INVALID");
  const secret = await findUsableRecoveryLink(parsed.data.token);
  if (!secret) {
    await recordAuditEventNow({ actor: { type: "ANONYMOUS" }, action: "recovery.failed", request, details: { via: "email-link", reason: "link-invalid" } });
    throw new AppError("LINK_INVALID");
  }
  return completePasswordReset(secret.applicant, parsed.data.password, "email-link", request, async (tx, now) => {
    const { count } = await tx.applicantOneTimeSecret.updateMany({ where: { id: secret.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    return count === 1;
  });
}
