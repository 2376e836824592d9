// An applicant asks OFPRA to apply a right (seed 000, art. 10: the rights are
// exercised with OFPRA). The request is stored for OFPRA agents
// (/agent/demandes-droits) and audited; no e-mail is sent, since a message
// would carry personal data (seed 003: no e-mail asks for or carries personal
// data). Rate-limited per applicant.
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import type { CurrentApplicant } from "../auth/current-applicant";
import { consumeRateLimit } from "../auth/rate-limit";
import { db } from "../db/client";
import { AppError } from "../errors";
import { ZRightsRequestInput } from "./rights-request-input";

export async function submitRightsRequest(current: CurrentApplicant, input: unknown, request: RequestContext): Promise<{ requestId: string }> {
  const parsed = ZRightsRequestInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  await consumeRateLimit("rightsRequest", `applicant:${current.applicantId}`);
  return db().$transaction(async (tx) => {
    const applicant = await tx.applicant.findFirst({ where: { id: current.applicantId, state: "ACTIVE" }, select: { id: true } });
    if (!applicant) throw new AppError("SESSION_EXPIRED");
    const created = await tx.rightsRequest.create({ data: { applicantId: applicant.id, kind: parsed.data.kind, message: parsed.data.message }, select: { id: true } });
    await recordAuditEvent(tx, {
      actor: { type: "APPLICANT", id: applicant.id },
      action: "rights-request.submitted",
      target: { type: "rights_request", id: created.id },
      request,
      details: { kind: parsed.data.kind },
    });
    return { requestId: created.id };
  });
}
