// The dates of a postal-track document (issue #6, point 4): its sending, then
// the receipt (AR signed) or the return (pli non distribué / non réclamé).
// Each date is recorded once; a correction must say so and is audited with the
// date it replaces. Never in the future; receipt or return never before the
// sending; receipt and return exclude each other (src/lib/postal-dates.ts, and
// CHECK document_postal_dates_in_order in migration 0007).
import { z } from "zod";
import { parseCalendarDate, postalDateProblem, postalInstant } from "../../lib/postal-dates";
import { isoCalendarDate, parisDateOf } from "../../lib/paris-time";
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { assertCan } from "../authz/permissions";
import { applicantScope } from "../authz/scopes";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import { AppError } from "../errors";

export const ZRecordPostalEventInput = z.object({
  documentId: z.uuid(),
  event: z.enum(["SENT", "RECEIVED", "RETURNED"]),
  /** "YYYY-MM-DD", the day stamped by the post office (Paris time). */
  date: z.string().max(20),
  correction: z.boolean(),
});
export type TRecordPostalEventInput = z.infer<typeof ZRecordPostalEventInput>;

const COLUMN = { SENT: "postalSentAt", RECEIVED: "postalReceivedAt", RETURNED: "postalReturnedAt" } as const;

export async function recordPostalEvent(actor: StaffActor, input: TRecordPostalEventInput, request: RequestContext, now = new Date()): Promise<void> {
  assertCan(actor, "postal.record");
  const parsed = ZRecordPostalEventInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  const { documentId, event, correction } = parsed.data;
  const day = parseCalendarDate(parsed.data.date);
  if (!day) throw new AppError("POSTAL_DATE_INVALID", { reason: "format" });
  await db().$transaction(async (tx) => {
    const found = await tx.document.findFirst({ where: { id: documentId, state: "POSTAL", applicant: applicantScope(actor) }, select: { id: true } });
    if (!found) throw new AppError("NOT_FOUND");
    // One writer at a time per document: the checks below read what is current.
    const [track] = await tx.$queryRaw<Array<{ sentAt: Date | null; receivedAt: Date | null; returnedAt: Date | null }>>`
      SELECT postal_sent_at AS "sentAt", postal_received_at AS "receivedAt", postal_returned_at AS "returnedAt"
      FROM document WHERE id = ${found.id}::uuid FOR UPDATE`;
    if (!track) throw new AppError("NOT_FOUND");
    const previous = event === "SENT" ? track.sentAt : event === "RECEIVED" ? track.receivedAt : track.returnedAt;
    if (previous && !correction) throw new AppError("ALREADY_RECORDED");
    if (!previous && correction) throw new AppError("INVALID_INPUT");
    const problem = postalDateProblem(event, day, track, now);
    if (problem) throw new AppError("POSTAL_DATE_INVALID", { reason: problem });
    await tx.document.update({ where: { id: found.id }, data: { [COLUMN[event]]: postalInstant(day) } });
    await recordAuditEvent(tx, {
      actor: { type: "STAFF", id: actor.id },
      action: correction ? "document.postal.corrected" : "document.postal.recorded-date",
      target: { type: "document", id: found.id },
      request,
      details: { event, date: isoCalendarDate(day), ...(previous ? { previous: isoCalendarDate(parisDateOf(previous)) } : {}) },
    });
  });
}
