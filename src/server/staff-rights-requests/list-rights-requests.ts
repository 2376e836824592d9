// The applicants' rights requests for OFPRA agents (seed 000, art. 10: the
// rights are exercised with OFPRA; permission rightsRequest.handle). Open ones
// first (new, then in progress), oldest first, then the answered ones, newest
// first. The applicant is shown by number only. Reading them shows what
// applicants wrote: the view is audited (seed 000, art. 5), with the count.
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { assertCan } from "../authz/permissions";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import type { RightsRequestKind, RightsRequestStatus } from "../db/generated/enums";

/** Answered requests shown (the newest); open requests are always all shown. */
export const ANSWERED_SHOWN = 50;

export type StaffRightsRequest = {
  id: string;
  kind: RightsRequestKind;
  message: string;
  status: RightsRequestStatus;
  createdAt: Date;
  inProgressAt: Date | null;
  answeredAt: Date | null;
  applicant: { id: string; agdrefNumber: string; ofpraNumber: string | null };
};

const SELECT = {
  id: true, kind: true, message: true, status: true, createdAt: true, inProgressAt: true, answeredAt: true,
  applicant: { select: { id: true, agdrefNumber: true, ofpraNumber: true } },
} as const;

export async function listRightsRequests(actor: StaffActor, request: RequestContext): Promise<{ open: StaffRightsRequest[]; answered: StaffRightsRequest[] }> {
  assertCan(actor, "rightsRequest.handle");
  return db().$transaction(async (tx) => {
    const open = await tx.rightsRequest.findMany({ where: { status: { in: ["NEW", "IN_PROGRESS"] } }, orderBy: [{ status: "asc" }, { createdAt: "asc" }], select: SELECT });
    const answered = await tx.rightsRequest.findMany({ where: { status: "ANSWERED" }, orderBy: { answeredAt: "desc" }, take: ANSWERED_SHOWN, select: SELECT });
    await recordAuditEvent(tx, { actor: { type: "STAFF", id: actor.id }, action: "staff.rights-requests.viewed", request, details: { open: open.length, answered: answered.length } });
    return { open, answered };
  });
}
