// The staff session of the current request, through next-auth's
// getServerSession (see next-auth-options.ts), and the sign-in challenge
// (password checked, second factor awaited) read from the same cookie.
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { connection } from "next/server";
import { resolveSignInChallenge, type LiveStaffSession, type SignInChallenge } from "../staff-sessions/resolve-staff-session";
import { staffSessionCookie } from "../staff-sessions/session-policy";
import { staffNextAuthOptions } from "./next-auth-options";

export async function currentStaffSession(): Promise<LiveStaffSession | null> {
  // Per request, never at build time (the configuration is a run-time matter).
  await connection();
  const session = (await getServerSession(staffNextAuthOptions())) as Partial<LiveStaffSession> | null;
  if (!session?.staffUserId || !session.sessionId) return null;
  return { staffUserId: session.staffUserId, sessionId: session.sessionId };
}

/** The raw token of the staff cookie, for the sign-in steps that spend it. */
export async function staffCookieToken(): Promise<string | null> {
  await connection();
  return (await cookies()).get(staffSessionCookie().name)?.value ?? null;
}

export async function currentSignInChallenge(): Promise<SignInChallenge | null> {
  const token = await staffCookieToken();
  return token ? resolveSignInChallenge(token) : null;
}
