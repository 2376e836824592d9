// Logout (issue #4): this session, or every session of the applicant
// ("log out everywhere", for a phone lent or lost). Revoked server-side, so a
// copied cookie is worthless afterwards.
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { revokeApplicantSessions } from "../applicant-sessions/revoke-applicant-sessions";
import { db } from "../db/client";

export async function signOutApplicant(current: { applicantId: string; sessionId: string }, scope: "this" | "everywhere", request: RequestContext): Promise<number> {
  return db().$transaction(async (tx) => {
    const count = await revokeApplicantSessions(tx, current.applicantId, scope === "this" ? { only: current.sessionId } : {});
    await recordAuditEvent(tx, {
      actor: { type: "APPLICANT", id: current.applicantId },
      action: scope === "this" ? "logout" : "logout.everywhere",
      target: { type: "applicant", id: current.applicantId },
      request,
      details: { sessions: count },
    });
    return count;
  });
}
