// The agent who prepared a batch confirms it (issue #6, point 3): its READY
// rows go to the worker (process-document-batch.ts); its INVALID and DUPLICATE
// rows are never published. Confirming twice (a double click, a form sent
// again) changes nothing. Only the batch's author confirms a draft: it holds
// what they checked.
import { isUuid } from "../../lib/identifiers";
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { assertCan } from "../authz/permissions";
import { loadStaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import { AppError } from "../errors";
import { sendJob } from "../jobs/send-job";

export const DOCUMENT_BATCH_JOB = "document-batch";

export async function confirmDocumentBatch(batchId: string, agent: { id: string }, request: RequestContext, options: { queue?: boolean } = {}): Promise<void> {
  const staff = await loadStaffActor(agent.id);
  if (!staff) throw new AppError("NOT_FOUND");
  assertCan(staff, "document.batch");
  if (!isUuid(batchId)) throw new AppError("NOT_FOUND");
  const batch = await db().documentBatch.findFirst({ where: { id: batchId, createdById: staff.id }, select: { status: true } });
  if (!batch) throw new AppError("NOT_FOUND");
  if (batch.status !== "DRAFT") return;
  const confirmed = await db().$transaction(async (tx) => {
    const now = new Date();
    const ready = await tx.documentBatchRow.count({ where: { batchId, status: "READY" } });
    // Nothing to publish: the batch is over as soon as it is confirmed.
    const { count } = await tx.documentBatch.updateMany({ where: { id: batchId, status: "DRAFT" }, data: ready > 0 ? { status: "QUEUED", confirmedAt: now } : { status: "DONE", confirmedAt: now, finishedAt: now } });
    if (count !== 1) return false;
    await recordAuditEvent(tx, { actor: { type: "STAFF", id: staff.id }, action: "document_batch.confirmed", target: { type: "document_batch", id: batchId }, request, details: { ready } });
    return ready > 0;
  });
  if (confirmed && options.queue !== false) await sendJob(DOCUMENT_BATCH_JOB, { batchId }, { singletonKey: batchId });
}
