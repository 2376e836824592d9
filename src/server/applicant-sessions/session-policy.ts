// Applicant sessions (issue #4, seed 000 art. 4): server-side rows checked on
// every request, so they can be revoked; short idle timeout for shared phones.
import { env } from "../env";

/** No activity for 30 minutes ends the session (shared phones). */
export const IDLE_TIMEOUT_MS = 30 * 60_000;
/** However active, a session ends 12 hours after login. */
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60_000;
/** lastSeenAt is written at most once a minute per session. */
export const TOUCH_INTERVAL_MS = 60_000;

/**
 * The only cookie EPNS sets (seed 003: strictly necessary, no consent needed).
 * `__Host-` (Secure, Path=/, no Domain) whenever the portal is served over
 * HTTPS; plain name over http://localhost in development.
 */
export function sessionCookie() {
  const secure = env().APP_URL.startsWith("https://") || env().NODE_ENV === "production";
  return {
    name: secure ? "__Host-epns-session" : "epns-session",
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}
