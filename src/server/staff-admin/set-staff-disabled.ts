// Disables or re-enables a staff account (issue #6, point 8). Disabling ends
// all its sessions at once and voids an open invitation; the account cannot
// sign in until re-enabled. An administrator cannot disable themselves.
import { isUuid } from "../../lib/uuid";
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { assertCan } from "../authz/permissions";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import { AppError } from "../errors";
import { revokeStaffSessions } from "./revoke-staff-sessions";

export async function setStaffDisabled(actor: StaffActor, staffUserId: string, disabled: boolean, request: RequestContext, now = new Date()): Promise<void> {
  assertCan(actor, "staff.manage");
  if (!isUuid(staffUserId)) throw new AppError("NOT_FOUND");
  if (staffUserId === actor.id) throw new AppError("INVALID_INPUT", { reason: "selfLockout" });
  await db().$transaction(async (tx) => {
    const staff = await tx.staffUser.findUnique({ where: { id: staffUserId }, select: { disabledAt: true } });
    if (!staff) throw new AppError("NOT_FOUND");
    if ((staff.disabledAt !== null) === disabled) return;
    await tx.staffUser.update({ where: { id: staffUserId }, data: { disabledAt: disabled ? now : null } });
    let revoked = 0;
    if (disabled) {
      revoked = await revokeStaffSessions(tx, staffUserId, now);
      await tx.staffInvitation.updateMany({ where: { staffUserId, usedAt: null, supersededAt: null }, data: { supersededAt: now } });
    }
    await recordAuditEvent(tx, {
      actor: { type: "STAFF", id: actor.id },
      action: disabled ? "staff.disabled" : "staff.enabled",
      target: { type: "staff_user", id: staffUserId },
      request,
      details: disabled ? { sessionsRevoked: revoked } : {},
    });
  });
}
