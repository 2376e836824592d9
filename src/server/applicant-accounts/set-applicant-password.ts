// Stores a new password hash (activation, recovery, change). The caller has
// checked the rule (src/lib/password-policy.ts) and hashed outside the
// transaction (argon2 takes ~0.2 s; no lock is held meanwhile).
import type { TransactionClient } from "../db/client";

export async function setApplicantPassword(tx: TransactionClient, applicantId: string, passwordHash: string, now = new Date()): Promise<void> {
  await tx.applicantCredential.upsert({
    where: { applicantId },
    create: { applicantId, passwordHash, passwordChangedAt: now },
    update: { passwordHash, passwordChangedAt: now },
  });
}
