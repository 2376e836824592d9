// Recovery (b) and (c) of seed 000, art. 3: the applicant gives their AGDREF or
// OFPRA number; if the account is active and has a confirmed e-mail (link) or
// mobile (code), a single-use secret is sent through the outbox. The answer is
// the same in every case (no account enumeration); seed 003: the message
// carries no personal data and never asks for a password.
import { applicantByIdentifier } from "../applicant-accounts/applicant-by-identifier";
import { portalUrl } from "../http/portal-url";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { parseApplicantIdentifier } from "../../lib/identifiers";
import { recordAuditEvent, recordAuditEventNow, type RequestContext } from "../audit/record-audit-event";
import { consumeRateLimit } from "../auth/rate-limit";
import { codeHash, sixDigitCode } from "../applicant-contacts/start-contact-confirmation";
import { keyedHash, randomToken } from "../crypto/keyed-hash";
import { db } from "../db/client";
import { AppError } from "../errors";
import { enqueueMessage } from "../messaging/enqueue-message";
import { kickOutbox } from "../messaging/kick-outbox";

export const RECOVERY_LINK_TTL_MS = 30 * 60_000;
export const RECOVERY_CODE_TTL_MS = 10 * 60_000;

export const ZRequestRecoveryInput = z.object({ identifier: z.string().min(1).max(64) });

export function recoveryLinkUrl(language: string, token: string): string {
  return portalUrl(language, `/recuperation/nouveau-mot-de-passe?jeton=${token}`);
}

export async function requestRecoveryMessage(rawInput: { identifier: string }, channel: "email" | "sms", request: RequestContext): Promise<void> {
  const parsed = ZRequestRecoveryInput.safeParse(rawInput);
  const identifier = parsed.success ? parseApplicantIdentifier(parsed.data.identifier) : null;
  if (!identifier) throw new AppError("INVALID_INPUT");
  await consumeRateLimit("recovery", request.ip);
  const applicant = await db().applicant.findFirst({
    where: { ...applicantByIdentifier(identifier), state: "ACTIVE" },
    select: { id: true, language: true, email: true, emailVerifiedAt: true, phone: true, phoneVerifiedAt: true },
  });
  const recipient = channel === "email" ? (applicant?.emailVerifiedAt ? applicant.email : null) : applicant?.phoneVerifiedAt ? applicant.phone : null;
  if (!applicant || !recipient) {
    await recordAuditEventNow({ actor: { type: "ANONYMOUS" }, action: "recovery.request-ignored", target: applicant ? { type: "applicant", id: applicant.id } : undefined, request, details: { channel } });
    return;
  }
  const purpose = channel === "email" ? "RECOVERY_LINK" : "RECOVERY_SMS_CODE";
  const now = new Date();
  await db().$transaction(async (tx) => {
    await tx.applicantOneTimeSecret.updateMany({ where: { applicantId: applicant.id, purpose, usedAt: null }, data: { usedAt: now } });
    const id = randomUUID();
    const token = channel === "email" ? randomToken(32) : sixDigitCode();
    const secretHash = channel === "email" ? keyedHash("one-time-secret", token) : codeHash(id, token);
    const ttl = channel === "email" ? RECOVERY_LINK_TTL_MS : RECOVERY_CODE_TTL_MS;
    await tx.applicantOneTimeSecret.create({ data: { id, applicantId: applicant.id, purpose, secretHash, createdAt: now, expiresAt: new Date(now.getTime() + ttl) } });
    await enqueueMessage(tx, {
      channel: channel === "email" ? "EMAIL" : "SMS",
      template: channel === "email" ? "recovery-link" : "recovery-code",
      recipient,
      locale: applicant.language,
      params: channel === "email" ? { url: recoveryLinkUrl(applicant.language, token) } : { code: token },
      applicantId: applicant.id,
    });
    await recordAuditEvent(tx, { actor: { type: "ANONYMOUS" }, action: "recovery.requested", target: { type: "applicant", id: applicant.id }, request, details: { channel } });
  });
  kickOutbox();
}
