// The applicant's inbox (issue #5, point 8): their visible documents with type,
// availability, deadline and state, newest first. Scoped to the applicant in
// the where; pending documents (no accusé de mise à disposition yet) and the
// postal track are never shown (seed 000, art. 6: visible only with its receipt).
import type { CurrentApplicant } from "../auth/current-applicant";
import { db } from "../db/client";

export type InboxDocument = {
  id: string;
  type: "CONVOCATION" | "DECISION" | "INTRODUCTION_LETTER" | "OTHER_LETTER";
  reference: string;
  availableAt: Date;
  deadlineAt: Date;
  state: "AVAILABLE" | "OPENED" | "DEEMED_RECEIVED";
  firstOpenedAt: Date | null;
};

/** What the inbox and the document page read, and the visible states only. */
export const VISIBLE_STATES = ["AVAILABLE", "OPENED", "DEEMED_RECEIVED"] as const;
export const INBOX_SELECT = { id: true, type: true, reference: true, availableAt: true, deadlineAt: true, state: true, firstOpenedAt: true } as const;

type InboxRow = Omit<InboxDocument, "availableAt" | "deadlineAt" | "state"> & { availableAt: Date | null; deadlineAt: Date | null; state: string };

/** Visible documents always have their availability and deadline (CHECK document_visible_has_availability). */
export function toInboxDocument(row: InboxRow): InboxDocument {
  return { ...row, availableAt: row.availableAt!, deadlineAt: row.deadlineAt!, state: row.state as InboxDocument["state"] };
}

export async function listApplicantDocuments(current: CurrentApplicant): Promise<InboxDocument[]> {
  const rows = await db().document.findMany({
    where: { applicantId: current.applicantId, state: { in: [...VISIBLE_STATES] }, applicant: { state: "ACTIVE" } },
    orderBy: { availableAt: "desc" },
    select: INBOX_SELECT,
    take: 200,
  });
  return rows.map(toInboxDocument);
}
