// The agent who prepared a batch discards it before confirming (issue #6,
// point 3: nothing is published unless the agent confirms): its rows and the
// PDFs stored for them are removed. A confirmed batch cannot be discarded.
import { isUuid } from "../../lib/identifiers";
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { assertCan } from "../authz/permissions";
import { loadStaffActor } from "../authz/staff-actor";
import { AppError } from "../errors";
import { deleteDraftBatch } from "./delete-draft-batch";

export async function discardDocumentBatch(batchId: string, agent: { id: string }, request: RequestContext): Promise<void> {
  const staff = await loadStaffActor(agent.id);
  if (!staff) throw new AppError("NOT_FOUND");
  assertCan(staff, "document.batch");
  if (!isUuid(batchId)) throw new AppError("NOT_FOUND");
  const deleted = await deleteDraftBatch({ id: batchId, createdById: staff.id }, (tx) =>
    recordAuditEvent(tx, { actor: { type: "STAFF", id: staff.id }, action: "document_batch.discarded", target: { type: "document_batch", id: batchId }, request }),
  );
  if (!deleted) throw new AppError("NOT_FOUND");
}
