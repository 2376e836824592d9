// A new invitation link for an existing staff account (issue #6, point 8):
// the previous link stops working at once (superseded). Accepting it sets a
// new password; the second factor stays as it is (reset it separately).
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { assertCan } from "../authz/permissions";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import { AppError } from "../errors";
import { isUuid } from "../../lib/uuid";
import { kickOutbox } from "../messaging/kick-outbox";
import { issueStaffInvitation, type IssuedStaffInvitation } from "./issue-staff-invitation";

export async function reinviteStaff(actor: StaffActor, staffUserId: string, request: RequestContext, now = new Date()): Promise<IssuedStaffInvitation> {
  assertCan(actor, "staff.manage");
  if (!isUuid(staffUserId)) throw new AppError("NOT_FOUND");
  const issued = await db().$transaction(async (tx) => {
    const staff = await tx.staffUser.findFirst({ where: { id: staffUserId, disabledAt: null }, select: { id: true, email: true } });
    if (!staff) throw new AppError("NOT_FOUND");
    const invitation = await issueStaffInvitation(tx, staff, actor.id, now);
    await recordAuditEvent(tx, { actor: { type: "STAFF", id: actor.id }, action: "staff.reinvited", target: { type: "staff_user", id: staff.id }, request });
    return invitation;
  });
  kickOutbox();
  return issued;
}
