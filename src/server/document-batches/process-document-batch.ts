// The worker publishes a confirmed batch (issue #6, point 3), row by row, as a
// deposit would (deposit-document.ts, then publish-pending-document.ts; seed
// 000, arts. 5-7). Each row once, whatever crashes or runs twice:
// - a row is claimed (READY → DEPOSITED) in the transaction that creates its
//   document, so two workers on the same row create one document;
// - the document carries the row's idempotency key (document.idempotency_key
//   is UNIQUE), so the same row uploaded again in another batch is not
//   published twice: it ends DUPLICATE, pointing at the first document;
// - a crash after the deposit leaves a PENDING document, published by the next
//   run (or by the worker's retry of pending documents).
// The applicant is checked again: one deactivated or exempted since the upload
// is not notified in the space (CE 26 March 2025 n°488274): the row FAILS.
import { recordAuditEvent } from "../audit/record-audit-event";
import { blobStore } from "../blobs/blob-store";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { newDocumentReference as newReference } from "../documents/document-reference";
import { publishPendingDocument } from "../documents/publish-pending-document";
import { completeDocumentReceipt } from "../receipts/complete-receipt";
import { notifiabilityProblem, type BatchRowProblem } from "./batch-row-problems";

export type BatchRun = { deposited: number; duplicates: number; failed: number; published: number; stillPending: number };

type ReadyRow = NonNullable<Awaited<ReturnType<typeof readyRows>>>[number];

function readyRows(batchId: string) {
  return db().documentBatchRow.findMany({
    where: { batchId, status: "READY" },
    orderBy: { line: "asc" },
    select: { id: true, line: true, applicantId: true, type: true, idempotencyKey: true, storageKey: true, sha256: true, sizeBytes: true, dataKeyWrapped: true, masterKeyId: true, batch: { select: { createdById: true } } },
  });
}

/** Ends a READY row without a document of its own (FAILED or DUPLICATE), then removes its stored PDF. */
async function closeRow(row: ReadyRow, status: "FAILED" | "DUPLICATE", problems: BatchRowProblem[], documentId?: string): Promise<boolean> {
  const { count } = await db().documentBatchRow.updateMany({
    where: { id: row.id, status: "READY" },
    data: { status, problems: problems as Prisma.InputJsonValue, processedAt: new Date(), storageKey: null, dataKeyWrapped: null, ...(documentId ? { documentId } : {}) },
  });
  if (count === 1 && row.storageKey) await blobStore().delete(row.storageKey).catch(() => undefined);
  return count === 1;
}

/** Deposits one row's document; null when another run did (or is doing) it, or the row ended otherwise. */
async function depositRow(row: ReadyRow, counts: BatchRun): Promise<string | null> {
  const applicant = row.applicantId ? await db().applicant.findUnique({ where: { id: row.applicantId }, select: { state: true, exempt: true } }) : null;
  const problem = applicant ? notifiabilityProblem(applicant) : { code: "APPLICANT_UNKNOWN" as const };
  if (problem || !row.type || !row.storageKey || !row.sha256 || row.sizeBytes === null || !row.dataKeyWrapped || !row.masterKeyId) {
    if (await closeRow(row, "FAILED", [problem ?? { code: "UNEXPECTED" }])) counts.failed++;
    return null;
  }
  const now = new Date();
  try {
    const documentId = await db().$transaction(async (tx) => {
      // The claim: a second run blocks here until the first commits, then finds the row taken.
      const claimed = await tx.documentBatchRow.updateMany({ where: { id: row.id, status: "READY" }, data: { status: "DEPOSITED", processedAt: now, storageKey: null, dataKeyWrapped: null } });
      if (claimed.count !== 1) return null;
      const document = await tx.document.create({
        data: { applicantId: row.applicantId!, type: row.type!, reference: newReference(now), storageKey: row.storageKey!, sha256: row.sha256!, sizeBytes: row.sizeBytes!, dataKeyWrapped: row.dataKeyWrapped!, masterKeyId: row.masterKeyId!, depositedById: row.batch.createdById, depositedAt: now, idempotencyKey: row.idempotencyKey },
        select: { id: true },
      });
      await tx.documentBatchRow.update({ where: { id: row.id }, data: { documentId: document.id } });
      await recordAuditEvent(tx, { actor: { type: "SYSTEM", id: "batch-publisher" }, action: "document.deposited", target: { type: "document", id: document.id }, details: { type: row.type!, batchRowId: row.id, depositedById: row.batch.createdById } });
      return document.id;
    });
    if (documentId) counts.deposited++;
    return documentId;
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") throw error;
    // Another row (an earlier run of the same batch) holds the key: its document stands; this row publishes nothing.
    const earlier = await db().document.findUnique({ where: { idempotencyKey: row.idempotencyKey }, select: { id: true } });
    if (!earlier) throw error;
    if (await closeRow(row, "DUPLICATE", [{ code: "ALREADY_PUBLISHED" }], earlier.id)) counts.duplicates++;
    return null;
  }
}

async function publish(documentId: string, counts: BatchRun): Promise<boolean> {
  const outcome = await publishPendingDocument(documentId);
  if (outcome === "PENDING") {
    counts.stillPending++;
    return false; // the TSA does not answer: the next run, or the retry of pending documents, goes on
  }
  if (outcome === "AVAILABLE") {
    counts.published++;
    // The accusé de mise à disposition's sealed PDF now; the receipts job is the safety net.
    await completeDocumentReceipt(documentId, "AVAILABILITY").catch(() => undefined);
  }
  return true;
}

export async function processDocumentBatch(batchId: string): Promise<BatchRun> {
  const counts: BatchRun = { deposited: 0, duplicates: 0, failed: 0, published: 0, stillPending: 0 };
  const batch = await db().documentBatch.findFirst({ where: { id: batchId, status: "QUEUED" }, select: { id: true } });
  if (!batch) return counts;
  for (const row of await readyRows(batchId)) {
    const documentId = await depositRow(row, counts);
    if (documentId && !(await publish(documentId, counts))) return counts;
  }
  // Deposited by a run that stopped before publishing (crash, TSA outage).
  const waiting = await db().documentBatchRow.findMany({ where: { batchId, status: "DEPOSITED", document: { state: "PENDING" } }, orderBy: { line: "asc" }, select: { documentId: true } });
  for (const { documentId } of waiting) if (!(await publish(documentId!, counts))) return counts;
  const left = await db().documentBatchRow.count({ where: { batchId, OR: [{ status: "READY" }, { status: "DEPOSITED", document: { state: "PENDING" } }] } });
  if (left === 0) {
    await db().$transaction(async (tx) => {
      const { count } = await tx.documentBatch.updateMany({ where: { id: batchId, status: "QUEUED" }, data: { status: "DONE", finishedAt: new Date() } });
      if (count === 1) await recordAuditEvent(tx, { actor: { type: "SYSTEM", id: "batch-publisher" }, action: "document_batch.finished", target: { type: "document_batch", id: batchId }, details: { ...counts } });
    });
  }
  return counts;
}
