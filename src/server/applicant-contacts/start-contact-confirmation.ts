// A new e-mail address or mobile number is used only once confirmed by a code
// sent to it (issue #4). Writes the hashed code and the outbox message in the
// caller's transaction; an earlier unconfirmed code for the same kind dies.
import { randomInt, randomUUID } from "node:crypto";
import { keyedHash } from "../crypto/keyed-hash";
import type { TransactionClient } from "../db/client";
import { enqueueMessage } from "../messaging/enqueue-message";

export const CONTACT_CODE_TTL_MS = 30 * 60_000;

export type ContactKind = "email" | "phone";

export function sixDigitCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/** The hash of a short code is bound to its row id, so equal codes of two people never collide. */
export function codeHash(secretId: string, code: string): string {
  return keyedHash("one-time-secret", `${secretId}:${code}`);
}

export async function startContactConfirmation(
  tx: TransactionClient,
  applicant: { id: string; language: string },
  kind: ContactKind,
  target: string,
  now = new Date(),
): Promise<void> {
  const purpose = kind === "email" ? "CONFIRM_EMAIL" : "CONFIRM_PHONE";
  await tx.applicantOneTimeSecret.updateMany({ where: { applicantId: applicant.id, purpose, usedAt: null }, data: { usedAt: now } });
  const id = randomUUID();
  const code = sixDigitCode();
  await tx.applicantOneTimeSecret.create({
    data: { id, applicantId: applicant.id, purpose, secretHash: codeHash(id, code), target, createdAt: now, expiresAt: new Date(now.getTime() + CONTACT_CODE_TTL_MS) },
  });
  await enqueueMessage(tx, {
    channel: kind === "email" ? "EMAIL" : "SMS",
    template: "contact-code",
    recipient: target,
    locale: applicant.language,
    params: { code },
    applicantId: applicant.id,
  });
}
