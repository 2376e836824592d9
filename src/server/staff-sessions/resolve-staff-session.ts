// Finds the live staff session behind a cookie token: not revoked, not past
// its absolute lifetime (8 h), not idle for 15 minutes, second factor checked,
// staff user not disabled. Touches lastSeenAt (at most once a minute).
// resolveSignInChallenge finds instead a challenge awaiting its second factor.
import { keyedHash } from "../crypto/keyed-hash";
import { db } from "../db/client";
import { STAFF_IDLE_TIMEOUT_MS, STAFF_TOUCH_INTERVAL_MS } from "./session-policy";

export type LiveStaffSession = { sessionId: string; staffUserId: string };
export type SignInChallenge = { sessionId: string; staffUserId: string; enrolled: boolean };

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

async function findRow(token: string) {
  if (!TOKEN.test(token)) return null;
  return db().staffSession.findUnique({
    where: { tokenHash: keyedHash("staff-session", token) },
    select: {
      id: true, staffUserId: true, lastSeenAt: true, expiresAt: true, revokedAt: true, secondFactorAt: true,
      staffUser: { select: { disabledAt: true, totpEnrolledAt: true } },
    },
  });
}

export async function resolveStaffSession(token: string, now = new Date()): Promise<LiveStaffSession | null> {
  const row = await findRow(token);
  if (!row || !row.secondFactorAt || row.revokedAt || row.expiresAt <= now || row.staffUser.disabledAt) return null;
  const idle = now.getTime() - row.lastSeenAt.getTime();
  if (idle >= STAFF_IDLE_TIMEOUT_MS) return null;
  if (idle >= STAFF_TOUCH_INTERVAL_MS) {
    await db().staffSession.updateMany({ where: { id: row.id, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return { sessionId: row.id, staffUserId: row.staffUserId };
}

export async function resolveSignInChallenge(token: string, now = new Date()): Promise<SignInChallenge | null> {
  const row = await findRow(token);
  if (!row || row.secondFactorAt || row.revokedAt || row.expiresAt <= now || row.staffUser.disabledAt) return null;
  return { sessionId: row.id, staffUserId: row.staffUserId, enrolled: row.staffUser.totpEnrolledAt !== null };
}
