// An applicant's documents as an OFPRA agent follows them (issue #5, point 10;
// issue #6, point 2): type, reference, state, legal dates, each receipt (kind,
// basis, token time, TSA serial) and each alert's status and attempts. Never
// the content, the storage key or the data key (seed 000, art. 8: documents are
// accessible to the applicant only), nor an alert's recipient or error text.
import { isUuid } from "../../lib/identifiers";
import { assertCan } from "../authz/permissions";
import { applicantScope } from "../authz/scopes";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import type { DocumentState, DocumentType, OutboxChannel, OutboxStatus, ReceiptKind, ReceptionBasis } from "../db/generated/enums";

export type StaffDocumentReceipt = { kind: ReceiptKind; basis: ReceptionBasis | null; eventAt: Date; tokenGenTime: Date | null; tsaName: string | null; tsaSerial: string | null };
export type StaffDocumentAlert = { id: string; channel: OutboxChannel; template: string; status: OutboxStatus; attempts: number; createdAt: Date; deliveredAt: Date | null; lastAttemptAt: Date | null };
export type StaffDocument = {
  id: string;
  type: DocumentType;
  reference: string;
  state: DocumentState;
  depositedAt: Date;
  availableAt: Date | null;
  deadlineAt: Date | null;
  firstOpenedAt: Date | null;
  /** Postal track only (R.723-19 CESEDA; CE 26 March 2025 n°488274). */
  postalTrackingNumber: string | null;
  postalSentAt: Date | null;
  postalReceivedAt: Date | null;
  postalReturnedAt: Date | null;
  receipts: StaffDocumentReceipt[];
  alerts: StaffDocumentAlert[];
};

export async function listApplicantDocumentsForStaff(actor: StaffActor, applicantId: string): Promise<StaffDocument[]> {
  assertCan(actor, "document.list");
  if (!isUuid(applicantId)) return [];
  const rows = await db().document.findMany({
    where: { applicantId, applicant: applicantScope(actor) },
    orderBy: { depositedAt: "desc" },
    take: 200,
    select: {
      id: true, type: true, reference: true, state: true, depositedAt: true, availableAt: true, deadlineAt: true, firstOpenedAt: true,
      postalTrackingNumber: true, postalSentAt: true, postalReceivedAt: true, postalReturnedAt: true,
      receipts: { orderBy: { eventAt: "asc" }, select: { kind: true, basis: true, eventAt: true, tokenGenTime: true, tsaName: true, tsaSerial: true } },
      outboxMessages: {
        orderBy: { createdAt: "asc" },
        select: { id: true, channel: true, template: true, status: true, attempts: true, createdAt: true, deliveredAt: true, attemptLog: { orderBy: { number: "desc" }, take: 1, select: { startedAt: true } } },
      },
    },
  });
  return rows.map(({ outboxMessages, ...document }) => ({
    ...document,
    alerts: outboxMessages.map(({ attemptLog, ...alert }) => ({ ...alert, lastAttemptAt: attemptLog[0]?.startedAt ?? null })),
  }));
}
