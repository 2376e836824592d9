// next-auth reads the applicant's session (docs/decisions/005-applicant-sessions.md).
// The cookie holds an opaque 256-bit token, not a JWT: jwt.decode looks the
// token up in applicant_session (revocable, idle timeout, absolute lifetime),
// jwt.encode gives the same token back. Sign-in happens in server actions,
// which set this same cookie; next-auth's own /api/auth routes are not mounted,
// so no CSRF or callback cookie is ever set (the session cookie is the only one).
import type { AuthOptions } from "next-auth";
import { hkdfSync } from "node:crypto";
import { resolveApplicantSession } from "../applicant-sessions/resolve-applicant-session";
import { sessionCookie } from "../applicant-sessions/session-policy";
import { env } from "../env";

type SessionToken = { sub: string; sid: string; raw: string; language: string };

export function nextAuthOptions(): AuthOptions {
  const cookie = sessionCookie();
  return {
    providers: [],
    secret: Buffer.from(hkdfSync("sha256", env().APP_SECRET, Buffer.alloc(0), "epns:next-auth", 32)).toString("base64"),
    session: { strategy: "jwt" },
    cookies: { sessionToken: { name: cookie.name, options: cookie.options } },
    jwt: {
      async encode({ token }) {
        return (token as Partial<SessionToken> | undefined)?.raw ?? "";
      },
      async decode({ token }) {
        if (!token) return null;
        const live = await resolveApplicantSession(token);
        return live ? ({ sub: live.applicantId, sid: live.sessionId, raw: token, language: live.language } satisfies SessionToken) : null;
      },
    },
    callbacks: {
      async session({ token }) {
        const t = token as unknown as SessionToken;
        return { expires: "", applicantId: t.sub, sessionId: t.sid, language: t.language } as never;
      },
    },
    logger: { error: () => undefined, warn: () => undefined, debug: () => undefined },
  };
}
