// Opens a staff sign-in challenge (password checked, second factor awaited) or
// a full staff session: 256 random bits go to the cookie, only their keyed
// hash is stored (issue #6, point 1; same scheme as applicants, ADR 005).
import { keyedHash, randomToken } from "../crypto/keyed-hash";
import type { TransactionClient } from "../db/client";
import { SIGN_IN_CHALLENGE_LIFETIME_MS, STAFF_ABSOLUTE_LIFETIME_MS } from "./session-policy";

export type OpenedStaffSession = { token: string; sessionId: string };

export async function openStaffSession(tx: TransactionClient, staffUserId: string, stage: "challenge" | "session", now = new Date()): Promise<OpenedStaffSession> {
  const token = randomToken(32);
  const lifetime = stage === "challenge" ? SIGN_IN_CHALLENGE_LIFETIME_MS : STAFF_ABSOLUTE_LIFETIME_MS;
  const row = await tx.staffSession.create({
    data: {
      staffUserId,
      tokenHash: keyedHash("staff-session", token),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + lifetime),
      secondFactorAt: stage === "session" ? now : null,
    },
    select: { id: true },
  });
  return { token, sessionId: row.id };
}
