// The accusé de réception (seed 000, art. 6): issued at the first opening, or,
// if the document is not opened within the period, at the deadline (deemed
// received). Exactly one per document whatever the races (an opening against
// the deadline job, a double click, two tabs, a worker crash): the document row
// moves out of AVAILABLE by one conditional UPDATE, and the receipt insert that
// follows in the same transaction is backed by unique (document_id, kind).
// The RFC 3161 token is added afterwards by the repair job, so a TSA outage
// never stops an applicant from reading (issue #5, point 7).
import { formatReceptionStatement } from "../../lib/receipt-statement";
import type { TransactionClient } from "../db/client";

export type ReceptionOutcome = { basis: "OPENED" | "DEEMED"; eventAt: Date; receiptId: string } | null;

/**
 * Inside the caller's transaction: if the document is still AVAILABLE, records
 * its reception — OPENED at `now` when before the deadline, DEEMED at the
 * deadline otherwise (an opening at 24:00 on the 15th day is too late: seed 000,
 * art. 6). Returns null when the reception was already recorded.
 */
export async function recordReceptionIfFirst(tx: TransactionClient, documentId: string, now: Date, opening: boolean): Promise<ReceptionOutcome> {
  const [row] = await tx.$queryRaw<Array<{ deadline_at: Date; opened: boolean; reference: string; type: "CONVOCATION" | "DECISION" | "INTRODUCTION_LETTER" | "OTHER_LETTER"; sha256: string; agdref_number: string }>>`
    UPDATE document
       SET state = CASE WHEN ${opening} AND deadline_at > ${now} THEN 'OPENED'::"DocumentState" ELSE 'DEEMED_RECEIVED'::"DocumentState" END,
           first_opened_at = CASE WHEN ${opening} AND deadline_at > ${now} THEN ${now}::timestamptz ELSE NULL END
     WHERE id = ${documentId}::uuid AND state = 'AVAILABLE' AND (${opening} OR deadline_at <= ${now})
 RETURNING deadline_at, (state = 'OPENED') AS opened, reference, type::text AS type, sha256,
           (SELECT agdref_number FROM applicant WHERE applicant.id = document.applicant_id) AS agdref_number`;
  if (!row) return null;
  const outcome = row.opened ? { basis: "OPENED" as const, eventAt: now } : { basis: "DEEMED" as const, eventAt: row.deadline_at };
  // The statement its token will cover, fixed now (ADR 009).
  const statement = formatReceptionStatement({ documentReference: row.reference, documentType: row.type, documentSha256: row.sha256, agdrefNumber: row.agdref_number, basis: outcome.basis, eventAt: outcome.eventAt });
  const receipt = await tx.receipt.create({ data: { documentId, kind: "RECEPTION", basis: outcome.basis, eventAt: outcome.eventAt, statement }, select: { id: true } });
  return { ...outcome, receiptId: receipt.id };
}
