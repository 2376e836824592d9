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

export async function listApplicantDocuments(current: CurrentApplicant): Promise<InboxDocument[]> {
  const rows = await db().document.findMany({
    where: { applicantId: current.applicantId, state: { in: ["AVAILABLE", "OPENED", "DEEMED_RECEIVED"] }, applicant: { state: "ACTIVE" } },
    orderBy: { availableAt: "desc" },
    select: { id: true, type: true, reference: true, availableAt: true, deadlineAt: true, state: true, firstOpenedAt: true },
    take: 200,
  });
  return rows.map((row) => ({ ...row, availableAt: row.availableAt!, deadlineAt: row.deadlineAt!, state: row.state as InboxDocument["state"] }));
}
