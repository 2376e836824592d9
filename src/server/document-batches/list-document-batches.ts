// The batches OFPRA agents follow (issue #6, point 3), newest first: every
// confirmed batch, and the agent's own drafts (another agent's unconfirmed
// upload is theirs alone). Counts only; no applicant appears in the list.
import { assertCan } from "../authz/permissions";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import type { DocumentBatchStatus } from "../db/generated/enums";

export type BatchSummary = { id: string; status: DocumentBatchStatus; archiveName: string; createdAt: Date; rows: number; mine: boolean };

export async function listDocumentBatches(staff: StaffActor, take = 50): Promise<BatchSummary[]> {
  assertCan(staff, "document.batch");
  const batches = await db().documentBatch.findMany({
    where: { OR: [{ status: { not: "DRAFT" } }, { createdById: staff.id }] },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, status: true, archiveName: true, createdAt: true, createdById: true, _count: { select: { rows: true } } },
  });
  return batches.map((b) => ({ id: b.id, status: b.status, archiveName: b.archiveName, createdAt: b.createdAt, rows: b._count.rows, mine: b.createdById === staff.id }));
}
