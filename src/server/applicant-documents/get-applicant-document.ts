// One of the applicant's visible documents, with what its page shows (issue #5,
// point 8). Scoped in the where: another person's document is "not found".
import type { CurrentApplicant } from "../auth/current-applicant";
import { db } from "../db/client";
import type { InboxDocument } from "./list-applicant-documents";

export async function getApplicantDocument(current: CurrentApplicant, documentId: string): Promise<InboxDocument | null> {
  if (!/^[0-9a-f-]{36}$/i.test(documentId)) return null;
  const row = await db().document.findFirst({
    where: { id: documentId, applicantId: current.applicantId, state: { in: ["AVAILABLE", "OPENED", "DEEMED_RECEIVED"] }, applicant: { state: "ACTIVE" } },
    select: { id: true, type: true, reference: true, availableAt: true, deadlineAt: true, state: true, firstOpenedAt: true },
  });
  return row ? { ...row, availableAt: row.availableAt!, deadlineAt: row.deadlineAt!, state: row.state as InboxDocument["state"] } : null;
}
