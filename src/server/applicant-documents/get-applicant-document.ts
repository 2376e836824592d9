// One of the applicant's visible documents, with what its page shows (issue #5,
// point 8). Scoped in the where: another person's document is "not found".
import type { CurrentApplicant } from "../auth/current-applicant";
import { db } from "../db/client";
import { isUuid } from "../../lib/identifiers";
import { INBOX_SELECT, toInboxDocument, VISIBLE_STATES, type InboxDocument } from "./list-applicant-documents";

export async function getApplicantDocument(current: CurrentApplicant, documentId: string): Promise<InboxDocument | null> {
  if (!isUuid(documentId)) return null;
  const row = await db().document.findFirst({
    where: { id: documentId, applicantId: current.applicantId, state: { in: [...VISIBLE_STATES] }, applicant: { state: "ACTIVE" } },
    select: INBOX_SELECT,
  });
  return row ? toInboxDocument(row) : null;
}
