// An OFPRA agent records where a rights request stands (seed 000, art. 10):
// taken in hand (IN_PROGRESS), or answered on a given day (ANSWERED; the
// answer itself goes to the applicant outside EPNS, never by an e-mail
// carrying personal data: seed 003). NEW → IN_PROGRESS → ANSWERED, or
// NEW → ANSWERED; an answered request stays answered. The answer date is a
// Paris calendar day between the request's day and today. Audited in the same
// transaction (seed 000, art. 5).
import { z } from "zod";
import { isoCalendarDate, parisDateOf, parisMidnight } from "../../lib/paris-time";
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { assertCan } from "../authz/permissions";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import { AppError } from "../errors";

export const ZUpdateRightsRequestInput = z.discriminatedUnion("status", [
  z.object({ requestId: z.uuid(), status: z.literal("IN_PROGRESS") }),
  z.object({ requestId: z.uuid(), status: z.literal("ANSWERED"), answeredOn: z.iso.date() }),
]);
export type TUpdateRightsRequestInput = z.infer<typeof ZUpdateRightsRequestInput>;

export async function updateRightsRequestStatus(actor: StaffActor, input: unknown, request: RequestContext, now = new Date()): Promise<void> {
  assertCan(actor, "rightsRequest.handle");
  const parsed = ZUpdateRightsRequestInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  const data = parsed.data;
  await db().$transaction(async (tx) => {
    const row = await tx.rightsRequest.findFirst({ where: { id: data.requestId, status: { not: "ANSWERED" } }, select: { id: true, status: true, createdAt: true } });
    if (!row) throw new AppError("NOT_FOUND");
    if (data.status === "IN_PROGRESS") {
      if (row.status !== "NEW") throw new AppError("INVALID_INPUT");
      // The status is in the where: of two agents clicking at once, one changes it.
      const changed = await tx.rightsRequest.updateMany({ where: { id: row.id, status: "NEW" }, data: { status: "IN_PROGRESS", inProgressAt: now, handledById: actor.id } });
      if (changed.count !== 1) throw new AppError("NOT_FOUND");
    } else {
      // z.iso.date() gave YYYY-MM-DD; compared as strings, the same order as the days.
      if (data.answeredOn < isoCalendarDate(parisDateOf(row.createdAt)) || data.answeredOn > isoCalendarDate(parisDateOf(now))) throw new AppError("INVALID_INPUT", { field: "answeredOn" });
      const [year, month, day] = data.answeredOn.split("-").map(Number) as [number, number, number];
      const changed = await tx.rightsRequest.updateMany({ where: { id: row.id, status: row.status }, data: { status: "ANSWERED", answeredAt: parisMidnight({ year, month, day }), handledById: actor.id } });
      if (changed.count !== 1) throw new AppError("NOT_FOUND");
    }
    await recordAuditEvent(tx, { actor: { type: "STAFF", id: actor.id }, action: "rights-request.updated", target: { type: "rights_request", id: row.id }, request, details: { status: data.status } });
  });
}
