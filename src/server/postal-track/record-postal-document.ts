// An OFPRA agent records a document sent by post to an exempt applicant
// (R.723-19 CESEDA; CE 26 March 2025 n°488274; issue #6, point 4). The postal
// track keeps metadata only — type, EPNS reference, the registered letter's
// number — and no PDF: EPNS makes nothing available, so it keeps no copy (seed
// 000, art. 9: data limited to the purpose). No electronic alert, no reminder,
// no receipt of the electronic kind: its proofs are the post's (sending, AR or
// return), recorded by record-postal-event.ts. The applicant's space never
// lists a POSTAL document (the inbox shows made-available states only).
import { z } from "zod";
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { assertCan } from "../authz/permissions";
import { applicantScope } from "../authz/scopes";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import { AppError } from "../errors";
import { newDocumentReference } from "../documents/document-reference";

/** La Poste's registered-letter numbers: letters and digits, spaces removed (e.g. "1A 123 456 7890 1"). */
export const POSTAL_TRACKING_PATTERN = /^[0-9A-Z]{6,20}$/;

export const ZRecordPostalDocumentInput = z.object({
  applicantId: z.uuid(),
  type: z.enum(["CONVOCATION", "DECISION", "INTRODUCTION_LETTER", "OTHER_LETTER"]),
  trackingNumber: z.string().regex(POSTAL_TRACKING_PATTERN).nullable(),
});
export type TRecordPostalDocumentInput = z.infer<typeof ZRecordPostalDocumentInput>;

export async function recordPostalDocument(actor: StaffActor, input: TRecordPostalDocumentInput, request: RequestContext): Promise<{ documentId: string; reference: string }> {
  assertCan(actor, "postal.record");
  const parsed = ZRecordPostalDocumentInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  const data = parsed.data;
  const now = new Date();
  return db().$transaction(async (tx) => {
    // Lock the applicant row: an exemption lifted at the same moment waits for this one (or the reverse).
    const applicant = await tx.applicant.findFirst({ where: { AND: [{ id: data.applicantId }, applicantScope(actor)] }, select: { id: true } });
    if (!applicant) throw new AppError("NOT_FOUND");
    const [row] = await tx.$queryRaw<Array<{ exempt: boolean }>>`SELECT exempt FROM applicant WHERE id = ${applicant.id}::uuid FOR UPDATE`;
    // The postal track applies to exempt applicants only; the others are notified in their space.
    if (!row?.exempt) throw new AppError("POSTAL_TRACK_NOT_APPLICABLE");
    const created = await tx.document.create({
      data: { applicantId: applicant.id, type: data.type, reference: newDocumentReference(now), state: "POSTAL", postalTrackingNumber: data.trackingNumber, depositedById: actor.id, depositedAt: now },
      select: { id: true, reference: true },
    });
    await recordAuditEvent(tx, { actor: { type: "STAFF", id: actor.id }, action: "document.postal.recorded", target: { type: "document", id: created.id }, request, details: { type: data.type } });
    return { documentId: created.id, reference: created.reference };
  });
}
