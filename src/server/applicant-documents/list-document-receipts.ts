// The receipts of one of the applicant's documents (issue #5, point 8: receipts
// list with PDF and .tsr downloads). Scoped to the applicant in the where.
import type { CurrentApplicant } from "../auth/current-applicant";
import { db } from "../db/client";
import { isUuid } from "../../lib/identifiers";

export type DocumentReceipt = {
  kind: "AVAILABILITY" | "RECEPTION";
  basis: "OPENED" | "DEEMED" | null;
  eventAt: Date;
  /** Null while a réception waits for the TSA (the repair job adds it). */
  tokenGenTime: Date | null;
  pdfReady: boolean;
};

export async function listDocumentReceipts(current: CurrentApplicant, documentId: string): Promise<DocumentReceipt[]> {
  if (!isUuid(documentId)) return [];
  const rows = await db().receipt.findMany({
    where: { documentId, document: { applicantId: current.applicantId, applicant: { state: "ACTIVE" } } },
    orderBy: { eventAt: "asc" },
    select: { kind: true, basis: true, eventAt: true, tokenGenTime: true, pdfStorageKey: true },
  });
  return rows.map(({ pdfStorageKey, ...row }) => ({ ...row, pdfReady: pdfStorageKey !== null }));
}
