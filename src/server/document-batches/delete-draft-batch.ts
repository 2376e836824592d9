// Removes a DRAFT batch with its rows, then the PDFs stored for them. Shared by
// the agent's discard and the worker's purge of forgotten drafts. Returns false
// when no such draft exists (confirmed meanwhile, or unknown).
import { blobStore } from "../blobs/blob-store";
import { db, type TransactionClient } from "../db/client";

export async function deleteDraftBatch(where: { id: string; createdById?: string }, alsoInTransaction?: (tx: TransactionClient) => Promise<void>): Promise<boolean> {
  const keys = await db().$transaction(async (tx) => {
    // Locks the batch: a confirmation under way waits, then finds no draft.
    const { count } = await tx.documentBatch.updateMany({ where: { ...where, status: "DRAFT" }, data: { status: "DRAFT" } });
    if (count !== 1) return null;
    const rows = await tx.documentBatchRow.findMany({ where: { batchId: where.id, storageKey: { not: null } }, select: { storageKey: true } });
    await tx.documentBatch.delete({ where: { id: where.id } });
    if (alsoInTransaction) await alsoInTransaction(tx);
    return rows.map((r) => r.storageKey!);
  });
  if (!keys) return false;
  await Promise.all(keys.map((key) => blobStore().delete(key).catch(() => undefined)));
  return true;
}
