// Resets a staff user's second factor (issue #6, point 8), e.g. a lost phone:
// the TOTP secret and the recovery codes are erased, all sessions end, and the
// next sign-in (password) leads to a new TOTP enrolment (sign-in-staff.ts).
// Not on one's own account (another administrator does it).
import { isUuid } from "../../lib/uuid";
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { assertCan } from "../authz/permissions";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import { AppError } from "../errors";
import { revokeStaffSessions } from "./revoke-staff-sessions";

export async function resetStaffSecondFactor(actor: StaffActor, staffUserId: string, request: RequestContext): Promise<void> {
  assertCan(actor, "staff.manage");
  if (!isUuid(staffUserId)) throw new AppError("NOT_FOUND");
  if (staffUserId === actor.id) throw new AppError("INVALID_INPUT", { reason: "selfLockout" });
  await db().$transaction(async (tx) => {
    const { count } = await tx.staffUser.updateMany({ where: { id: staffUserId }, data: { totpSecret: null, totpEnrolledAt: null, totpLastStep: null } });
    if (count !== 1) throw new AppError("NOT_FOUND");
    const codes = await tx.staffRecoveryCode.deleteMany({ where: { staffUserId } });
    const revoked = await revokeStaffSessions(tx, staffUserId);
    await recordAuditEvent(tx, {
      actor: { type: "STAFF", id: actor.id },
      action: "staff.second-factor-reset",
      target: { type: "staff_user", id: staffUserId },
      request,
      details: { recoveryCodesErased: codes.count, sessionsRevoked: revoked },
    });
  });
}
