// Receipts and proofs are kept for the legal period, then erased with the
// documents and their blobs (issue #7, point 2d; ../shared/DESIGN.md: "proofs
// outlive the account for the legal period"; seed 004: retention periods that
// erase data). The period: until the decision can no longer be challenged (one
// month to appeal to the CNDA, appealPeriodEndsAt) plus
// PROOF_RETENTION_DAYS_AFTER_FINAL (default one year). Never before the
// decision was notified: no procedure still open loses a proof.
// Worker job "proofs-erase" (daily). Per document: its blobs (the document and
// the receipts' sealed PDFs) are deleted first — deleting a missing blob is not
// an error — then, in one transaction, its receipts and the document row (with
// the wrapped data keys) and an audit event. A crash between the two leaves the
// rows, so the next run finishes the job: idempotent and resumable.
import { DAY_MS, proofsErasableAt } from "../../lib/retention-dates";
import { recordAuditEvent } from "../audit/record-audit-event";
import { blobStore, type BlobStore } from "../blobs/blob-store";
import { db } from "../db/client";
import { env } from "../env";

const BATCH = 100;
/** The appeal period is at least 28 days: a cheap first filter before the exact calendar rule. */
const MIN_APPEAL_DAYS = 28;

export type EraseProofsCounts = { applicants: number; documents: number; receipts: number; blobs: number };

export async function eraseExpiredProofs(now = new Date(), store: BlobStore = blobStore(), batchSize = BATCH): Promise<EraseProofsCounts> {
  const retentionDays = env().PROOF_RETENTION_DAYS_AFTER_FINAL;
  const counts: EraseProofsCounts = { applicants: 0, documents: 0, receipts: 0, blobs: 0 };
  const notifiedBefore = new Date(now.getTime() - (retentionDays + MIN_APPEAL_DAYS) * DAY_MS);
  for (let cursor: string | undefined; ; ) {
    const candidates = await db().applicant.findMany({
      where: { ...(cursor ? { id: { gt: cursor } } : {}), decisionNotifiedAt: { lte: notifiedBefore }, documents: { some: {} } },
      select: { id: true, decisionNotifiedAt: true },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    for (const applicant of candidates) {
      if (proofsErasableAt(applicant.decisionNotifiedAt!, retentionDays).getTime() > now.getTime()) continue;
      counts.applicants++;
      for (;;) {
        const documents = await db().document.findMany({
          where: { applicantId: applicant.id },
          select: { id: true, storageKey: true, receipts: { select: { id: true, pdfStorageKey: true } } },
          take: batchSize,
        });
        for (const document of documents) {
          const keys = [document.storageKey, ...document.receipts.flatMap((r) => (r.pdfStorageKey ? [r.pdfStorageKey] : []))];
          for (const key of keys) await store.delete(key);
          counts.blobs += keys.length;
          await db().$transaction(async (tx) => {
            const receipts = await tx.receipt.deleteMany({ where: { documentId: document.id } });
            const removed = await tx.document.deleteMany({ where: { id: document.id } });
            if (removed.count === 0) return;
            await recordAuditEvent(tx, { actor: { type: "SYSTEM" }, action: "document.erased", target: { type: "document", id: document.id }, details: { reason: "retention", receipts: receipts.count } });
            counts.receipts += receipts.count;
            counts.documents++;
          });
        }
        if (documents.length < batchSize) break;
      }
    }
    if (candidates.length < batchSize) return counts;
    cursor = candidates.at(-1)!.id;
  }
}
