// One batch as an OFPRA agent follows it (issue #6, point 3): counts and each
// row's result — number, type, file, status, the document's reference or the
// problems. OFPRA agents may follow every batch (the batches are OFPRA's
// work, shared by its agents; seed 000, art. 8); each look is audited. Never a
// document's content (art. 8): only its reference and state.
import { isUuid } from "../../lib/identifiers";
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { assertCan } from "../authz/permissions";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import type { DocumentBatchRowStatus, DocumentBatchStatus, DocumentState, DocumentType } from "../db/generated/enums";
import { AppError } from "../errors";
import { readProblems, type BatchRowProblem } from "./batch-row-problems";

/** How a row stands for the agent: PUBLISHING while its document waits for the TSA. */
export type BatchRowOutcome = "INVALID" | "READY" | "PUBLISHING" | "PUBLISHED" | "DUPLICATE" | "FAILED";

export type BatchRowView = { line: number; applicantNumber: string; type: DocumentType | null; fileName: string; outcome: BatchRowOutcome; problems: BatchRowProblem[]; documentReference: string | null };

export type BatchView = {
  id: string;
  status: DocumentBatchStatus;
  archiveName: string;
  createdAt: Date;
  confirmedAt: Date | null;
  finishedAt: Date | null;
  /** The signed-in agent prepared it: only they confirm or discard a draft. */
  mine: boolean;
  counts: Record<BatchRowOutcome, number>;
  rows: BatchRowView[];
};

function outcomeOf(status: DocumentBatchRowStatus, documentState: DocumentState | undefined): BatchRowOutcome {
  if (status === "DEPOSITED") return documentState === "PENDING" ? "PUBLISHING" : "PUBLISHED";
  return status;
}

export async function getDocumentBatch(staff: StaffActor, batchId: string, request: RequestContext): Promise<BatchView> {
  assertCan(staff, "document.batch");
  if (!isUuid(batchId)) throw new AppError("NOT_FOUND");
  // Another agent's draft is theirs alone (list-document-batches.ts): not found.
  const batch = await db().documentBatch.findFirst({
    where: { id: batchId, OR: [{ status: { not: "DRAFT" } }, { createdById: staff.id }] },
    select: {
      id: true, status: true, archiveName: true, createdAt: true, confirmedAt: true, finishedAt: true, createdById: true,
      rows: { orderBy: { line: "asc" }, select: { line: true, applicantNumber: true, type: true, fileName: true, status: true, problems: true, document: { select: { reference: true, state: true } } } },
    },
  });
  if (!batch) throw new AppError("NOT_FOUND");
  await db().$transaction((tx) => recordAuditEvent(tx, { actor: { type: "STAFF", id: staff.id }, action: "document_batch.viewed", target: { type: "document_batch", id: batch.id }, request }));
  const rows = batch.rows.map((row) => ({
    line: row.line,
    applicantNumber: row.applicantNumber,
    type: row.type,
    fileName: row.fileName,
    outcome: outcomeOf(row.status, row.document?.state),
    problems: readProblems(row.problems),
    documentReference: row.document?.reference ?? null,
  }));
  const counts: Record<BatchRowOutcome, number> = { INVALID: 0, READY: 0, PUBLISHING: 0, PUBLISHED: 0, DUPLICATE: 0, FAILED: 0 };
  for (const row of rows) counts[row.outcome]++;
  return { id: batch.id, status: batch.status, archiveName: batch.archiveName, createdAt: batch.createdAt, confirmedAt: batch.confirmedAt, finishedAt: batch.finishedAt, mine: batch.createdById === staff.id, counts, rows };
}
