// Issues (or reissues) an applicant's connection key (seed 000, art. 2: handed
// over with a letter at registration; art. 3: used to activate and to recover).
// The key is returned once, for the letter, and stored only as a keyed hash;
// reissuing revokes the previous key in the same transaction (one valid key,
// also enforced by a partial unique index).
import { randomInt } from "node:crypto";
import { z } from "zod";
import { formatConnectionKey, KEY_DATA_LENGTH, keyFromValues } from "../../lib/connection-key";
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { keyedHash } from "../crypto/keyed-hash";
import { db } from "../db/client";
import { AppError } from "../errors";
import { staffMayIssueKeyFor, type KeyIssuer } from "./key-issuer";

export const ZIssueConnectionKeyInput = z.object({
  applicantId: z.uuid(),
  /** A staff user replacing the key of an activated space says so (the key also recovers the password: art. 3). */
  reissueConfirmed: z.boolean().optional(),
});
export type TIssueConnectionKeyInput = z.infer<typeof ZIssueConnectionKeyInput>;

export type IssuedKey = { keyId: string; key: string; agdrefNumber: string; language: string; revokedPrevious: boolean; issuedAt: Date };

export function generateConnectionKey(): string {
  return keyFromValues(Array.from({ length: KEY_DATA_LENGTH }, () => randomInt(32)));
}

export async function issueConnectionKey(input: TIssueConnectionKeyInput, issuer: KeyIssuer, request?: RequestContext): Promise<IssuedKey> {
  const parsed = ZIssueConnectionKeyInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  const { applicantId, reissueConfirmed } = parsed.data;
  const key = generateConnectionKey();
  return db().$transaction(async (tx) => {
    const applicant = await tx.applicant.findFirst({
      // The scope goes in the where with AND (a scope may itself constrain the id).
      where: { AND: [{ id: applicantId, state: { not: "DEACTIVATED" } }, await staffMayIssueKeyFor(tx, issuer)] },
      select: { id: true, agdrefNumber: true, language: true, state: true },
    });
    if (!applicant) throw new AppError("NOT_FOUND");
    // An activated space's key is its owner's way back in (art. 3): staff confirm before revoking it.
    if (issuer.type === "STAFF" && applicant.state === "ACTIVE" && !reissueConfirmed) throw new AppError("CONFIRMATION_REQUIRED");
    const now = new Date();
    const { count } = await tx.connectionKey.updateMany({ where: { applicantId, revokedAt: null }, data: { revokedAt: now } });
    const issued = await tx.connectionKey.create({
      data: { applicantId, keyHash: keyedHash("connection-key", key), issuedAt: now, issuedById: issuer.type === "STAFF" ? issuer.id : null },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor: issuer,
      action: count > 0 ? "key.reissued" : "key.issued",
      target: { type: "applicant", id: applicantId },
      request,
      details: { keyId: issued.id, revokedPrevious: count },
    });
    return { keyId: issued.id, key: formatConnectionKey(key), agdrefNumber: applicant.agdrefNumber, language: applicant.language, revokedPrevious: count > 0, issuedAt: now };
  });
}
