// The applicant opens one of their documents (seed 000, art. 6; art. 8: the
// content is for the applicant only). The first opening before the deadline
// issues the accusé de réception; later openings change nothing. The scope
// (this applicant's own, visible documents) is in the where, so someone else's
// document looks exactly like a missing one.
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import type { CurrentApplicant } from "../auth/current-applicant";
import { isUuid } from "../../lib/identifiers";
import { db } from "../db/client";
import { AppError } from "../errors";
import { VISIBLE_STATES } from "../applicant-documents/list-applicant-documents";
import { recordReceptionIfFirst, type ReceptionOutcome } from "./record-reception";

export type OpenedDocument = { documentId: string; reception: ReceptionOutcome };

export async function openDocument(current: CurrentApplicant, documentId: string, request: RequestContext, now = new Date()): Promise<OpenedDocument> {
  if (!isUuid(documentId)) throw new AppError("NOT_FOUND");
  return db().$transaction(async (tx) => {
    const document = await tx.document.findFirst({
      where: { id: documentId, applicantId: current.applicantId, state: { in: [...VISIBLE_STATES] }, applicant: { state: "ACTIVE" } },
      select: { id: true },
    });
    if (!document) throw new AppError("NOT_FOUND");
    const reception = await recordReceptionIfFirst(tx, document.id, now, true);
    await recordAuditEvent(tx, {
      actor: { type: "APPLICANT", id: current.applicantId },
      action: reception ? "document.first-opened" : "document.opened",
      target: { type: "document", id: document.id },
      request,
      details: reception ? { basis: reception.basis } : {},
    });
    return { documentId: document.id, reception };
    // Under load the applicant waits for a connection rather than gets an error (Prisma's default wait is 2 s).
  }, { maxWait: 20_000 });
}
