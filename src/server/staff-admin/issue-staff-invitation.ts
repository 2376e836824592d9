// Writes a staff invitation in the caller's transaction (issue #6, point 8):
// a 256-bit random token of which only the keyed hash is stored (as the
// applicants' one-time secrets: seed 000, art. 5), valid 72 hours, single
// use; any open invitation of the same user is superseded first. The link is
// e-mailed through the outbox (seed 003: the message holds the link only) and
// returned once, so the administrator can hand it over if the mail fails.
import { keyedHash, randomToken } from "../crypto/keyed-hash";
import type { TransactionClient } from "../db/client";
import { portalUrl } from "../http/portal-url";
import { enqueueMessage } from "../messaging/enqueue-message";

export const STAFF_INVITATION_TTL_MS = 72 * 3_600_000;

/** The staff pages speak French first; the link opens them in French. */
const INVITATION_LANGUAGE = "fr";

export type IssuedStaffInvitation = { url: string; expiresAt: Date };

export function staffInvitationUrl(token: string): string {
  return portalUrl(INVITATION_LANGUAGE, `/agent/invitation?jeton=${token}`);
}

export async function issueStaffInvitation(
  tx: TransactionClient,
  staff: { id: string; email: string },
  invitedById: string,
  now = new Date(),
): Promise<IssuedStaffInvitation> {
  await tx.staffInvitation.updateMany({ where: { staffUserId: staff.id, usedAt: null, supersededAt: null }, data: { supersededAt: now } });
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + STAFF_INVITATION_TTL_MS);
  await tx.staffInvitation.create({ data: { staffUserId: staff.id, tokenHash: keyedHash("staff-invitation", token), invitedById, createdAt: now, expiresAt } });
  const url = staffInvitationUrl(token);
  await enqueueMessage(tx, { channel: "EMAIL", template: "staff-invitation", recipient: staff.email, locale: INVITATION_LANGUAGE, params: { url } });
  return { url, expiresAt };
}
