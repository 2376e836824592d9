// Ends every session (and sign-in challenge) of a staff user server-side:
// disabling, a role or structure change, a second-factor reset, a new password
// from an invitation, and "log out everywhere" (issue #6, points 1 and 8).
// The cookie a browser still holds is worthless at its next request.
import type { TransactionClient } from "../db/client";

export async function revokeStaffSessions(tx: TransactionClient, staffUserId: string, now = new Date()): Promise<number> {
  const { count } = await tx.staffSession.updateMany({ where: { staffUserId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}
