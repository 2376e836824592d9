// next-auth reads the applicant's and the staff's sessions
// (docs/decisions/005-applicant-sessions.md, 008-staff-authentication.md).
// The cookie holds an opaque 256-bit token, not a JWT: jwt.decode looks the
// token up in its table (revocable, idle timeout, absolute lifetime),
// jwt.encode gives the same token back. Sign-in happens in server actions,
// which set this same cookie; next-auth's own /api/auth routes are not mounted,
// so no CSRF or callback cookie is ever set (the session cookie is the only one).
import type { AuthOptions } from "next-auth";
import { hkdfSync } from "node:crypto";
import { resolveApplicantSession } from "../applicant-sessions/resolve-applicant-session";
import { sessionCookie } from "../applicant-sessions/session-policy";
import { env } from "../env";
import { resolveStaffSession } from "../staff-sessions/resolve-staff-session";
import { staffSessionCookie } from "../staff-sessions/session-policy";

type Cookie = { name: string; options: { httpOnly: boolean; sameSite: "lax" | "strict"; path: string; secure: boolean } };
type OpaqueToken<T> = { raw: string; live: T };

/** next-auth options whose "JWT" is the opaque token of `cookie`, resolved by `resolve` on every read. */
function opaqueCookieSession<T extends object>(cookie: Cookie, resolve: (token: string) => Promise<T | null>): AuthOptions {
  return {
    providers: [],
    secret: Buffer.from(hkdfSync("sha256", env().APP_SECRET, Buffer.alloc(0), "epns:next-auth", 32)).toString("base64"),
    session: { strategy: "jwt" },
    cookies: { sessionToken: { name: cookie.name, options: cookie.options } },
    jwt: {
      async encode({ token }) {
        return (token as Partial<OpaqueToken<T>> | undefined)?.raw ?? "";
      },
      async decode({ token }) {
        if (!token) return null;
        const live = await resolve(token);
        return live ? ({ raw: token, live } satisfies OpaqueToken<T>) : null;
      },
    },
    callbacks: {
      async session({ token }) {
        return { expires: "", ...(token as unknown as OpaqueToken<T>).live } as never;
      },
    },
    logger: { error: () => undefined, warn: () => undefined, debug: () => undefined },
  };
}

/** The applicant's session: { applicantId, sessionId, language }. */
export function nextAuthOptions(): AuthOptions {
  return opaqueCookieSession(sessionCookie(), resolveApplicantSession);
}

/** A staff session (second factor checked): { staffUserId, sessionId }. */
export function staffNextAuthOptions(): AuthOptions {
  return opaqueCookieSession(staffSessionCookie(), resolveStaffSession);
}
