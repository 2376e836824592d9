// Finds the live session behind a cookie token: not revoked, not past its
// absolute lifetime, not idle for more than 30 minutes, applicant still
// active. Touches lastSeenAt (at most once a minute).
import { keyedHash } from "../crypto/keyed-hash";
import { db } from "../db/client";
import { IDLE_TIMEOUT_MS, TOUCH_INTERVAL_MS } from "./session-policy";

export type LiveApplicantSession = { sessionId: string; applicantId: string; language: string };

export async function resolveApplicantSession(token: string, now = new Date()): Promise<LiveApplicantSession | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const session = await db().applicantSession.findUnique({
    where: { tokenHash: keyedHash("session", token) },
    select: { id: true, applicantId: true, lastSeenAt: true, expiresAt: true, revokedAt: true, applicant: { select: { state: true, language: true } } },
  });
  if (!session || session.revokedAt || session.expiresAt <= now || session.applicant.state !== "ACTIVE") return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= IDLE_TIMEOUT_MS) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db().applicantSession.updateMany({ where: { id: session.id, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return { sessionId: session.id, applicantId: session.applicantId, language: session.applicant.language };
}
