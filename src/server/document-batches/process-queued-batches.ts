// The worker's sweep (every minute): the confirmed batches not finished yet —
// a job that was never sent, or a run cut short by a crash or a TSA outage —
// and the drafts nobody confirmed within an hour (their PDFs are removed:
// nothing is kept of a batch the agent did not confirm).
import { db } from "../db/client";
import { deleteDraftBatch } from "./delete-draft-batch";
import { processDocumentBatch } from "./process-document-batch";

export const DRAFT_BATCH_LIFETIME_MS = 60 * 60 * 1000;

export async function processQueuedBatches(now = new Date()): Promise<Record<string, number>> {
  const totals: Record<string, number> = { batches: 0, published: 0, duplicates: 0, failed: 0, draftsPurged: 0 };
  const queued = await db().documentBatch.findMany({ where: { status: "QUEUED" }, orderBy: { confirmedAt: "asc" }, select: { id: true }, take: 20 });
  for (const { id } of queued) {
    const run = await processDocumentBatch(id);
    totals.batches!++;
    totals.published! += run.published;
    totals.duplicates! += run.duplicates;
    totals.failed! += run.failed;
    if (run.stillPending > 0) break; // the TSA is down: the next tick tries again
  }
  const stale = await db().documentBatch.findMany({ where: { status: "DRAFT", createdAt: { lt: new Date(now.getTime() - DRAFT_BATCH_LIFETIME_MS) } }, select: { id: true }, take: 100 });
  for (const { id } of stale) if (await deleteDraftBatch({ id })) totals.draftsPurged!++;
  return totals;
}
