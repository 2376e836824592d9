// The deadline job (seed 000, art. 6): a document still unopened at 24:00
// Europe/Paris on the 15th day is deemed received, with its accusé de
// réception dated at the deadline. Due documents are found through the partial
// index on deadline_at WHERE state = 'AVAILABLE', so the cost grows with the
// documents due, not with all documents; batches are locked with SKIP LOCKED so
// several workers share the work, and each document goes through the same
// conditional transition as an opening (one receipt, whoever wins).
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { recordReceptionIfFirst } from "./record-reception";

export async function deemDueDocuments(now = new Date(), batchSize = 500): Promise<{ deemed: number }> {
  let deemed = 0;
  for (;;) {
    const { seen, done } = await db().$transaction(async (tx) => {
      const due = await tx.$queryRaw<Array<{ id: string }>>`
        SELECT id::text FROM document
         WHERE state = 'AVAILABLE' AND deadline_at <= ${now}
         ORDER BY deadline_at
         LIMIT ${batchSize}
         FOR UPDATE SKIP LOCKED`;
      let done = 0;
      for (const { id } of due) {
        if (await recordReceptionIfFirst(tx, id, now, false)) {
          done++;
          await recordAuditEvent(tx, { actor: { type: "SYSTEM", id: "deadline-job" }, action: "document.deemed-received", target: { type: "document", id } });
        }
      }
      return { seen: due.length, done };
    }, { timeout: 120_000, maxWait: 30_000 });
    deemed += done;
    if (seen < batchSize) return { deemed };
  }
}
