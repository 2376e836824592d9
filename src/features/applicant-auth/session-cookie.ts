// Sets and clears the session cookie (the only cookie, seed 003) from server actions.
import "server-only";
import { cookies } from "next/headers";
import { sessionCookie } from "@/server/applicant-sessions/session-policy";

export async function setSessionCookie(token: string): Promise<void> {
  const { name, options } = sessionCookie();
  (await cookies()).set(name, token, options);
}

export async function clearSessionCookie(): Promise<void> {
  const { name, options } = sessionCookie();
  (await cookies()).set(name, "", { ...options, maxAge: 0 });
}
