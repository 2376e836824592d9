// The accusé de réception (seed 000, art. 6): issued at the first opening, or,
// if the document is not opened within the period, at the deadline (deemed
// received). Exactly one per document whatever the races (an opening against
// the deadline job, a double click, two tabs, a worker crash): the document row
// moves out of AVAILABLE by one conditional UPDATE, and the receipt insert that
// follows in the same transaction is backed by unique (document_id, kind).
// The RFC 3161 token is added afterwards by the repair job, so a TSA outage
// never stops an applicant from reading (issue #5, point 7).
import type { TransactionClient } from "../db/client";

export type ReceptionOutcome = { basis: "OPENED" | "DEEMED"; eventAt: Date } | null;

/**
 * Inside the caller's transaction: if the document is still AVAILABLE, records
 * its reception — OPENED at `now` when before the deadline, DEEMED at the
 * deadline otherwise (an opening at 24:00 on the 15th day is too late: seed 000,
 * art. 6). Returns null when the reception was already recorded.
 */
export async function recordReceptionIfFirst(tx: TransactionClient, documentId: string, now: Date, opening: boolean): Promise<ReceptionOutcome> {
  const [row] = await tx.$queryRaw<Array<{ deadline_at: Date; opened: boolean }>>`
    UPDATE document
       SET state = CASE WHEN ${opening} AND deadline_at > ${now} THEN 'OPENED'::"DocumentState" ELSE 'DEEMED_RECEIVED'::"DocumentState" END,
           first_opened_at = CASE WHEN ${opening} AND deadline_at > ${now} THEN ${now}::timestamptz ELSE NULL END
     WHERE id = ${documentId}::uuid AND state = 'AVAILABLE' AND (${opening} OR deadline_at <= ${now})
 RETURNING deadline_at, (state = 'OPENED') AS opened`;
  if (!row) return null;
  const outcome = row.opened ? { basis: "OPENED" as const, eventAt: now } : { basis: "DEEMED" as const, eventAt: row.deadline_at };
  await tx.receipt.create({ data: { documentId, kind: "RECEPTION", basis: outcome.basis, eventAt: outcome.eventAt } });
  return outcome;
}
