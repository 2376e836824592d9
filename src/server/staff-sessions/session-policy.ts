// Staff sessions (issue #6, point 1: shorter than an applicant's): server-side
// rows of staff_session checked on every request, so they can be revoked.
// docs/decisions/008-staff-authentication.md.
import { env } from "../env";

/** No activity for 15 minutes ends the session. */
export const STAFF_IDLE_TIMEOUT_MS = 15 * 60_000;
/** However active, a session ends 8 hours after sign-in (a working day). */
export const STAFF_ABSOLUTE_LIFETIME_MS = 8 * 60 * 60_000;
/** Between the password and the second factor (or the enrolment): 5 minutes. */
export const SIGN_IN_CHALLENGE_LIFETIME_MS = 5 * 60_000;
/** lastSeenAt is written at most once a minute per session. */
export const STAFF_TOUCH_INTERVAL_MS = 60_000;

/**
 * The staff cookie: `__Host-epns-staff` (Secure, Path=/, no Domain), HttpOnly,
 * SameSite=Strict (no back-office request is ever started from another site);
 * plain `epns-staff` only for `next dev` over http://localhost. Distinct from
 * the applicant's cookie: the two kinds of session never mix.
 */
export function staffSessionCookie() {
  const secure = env().APP_URL.startsWith("https://") || env().NODE_ENV === "production";
  return {
    name: secure ? "__Host-epns-staff" : "epns-staff",
    options: { httpOnly: true, sameSite: "strict" as const, path: "/", secure },
  };
}
