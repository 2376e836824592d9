// Changes a staff user's role and/or structure (issue #6, point 8). The new
// rights apply at the next request (the actor is reloaded on every request:
// src/server/authz/staff-actor.ts) and the user's sessions end, so they sign
// in again under the new role. An administrator cannot change their own role
// or structure (no lock-out: someone must keep "staff.manage").
import { z } from "zod";
import { roleFitsStructure, STAFF_ROLE_VALUES } from "../../lib/staff-role-structures";
import { isUuid } from "../../lib/uuid";
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { assertCan } from "../authz/permissions";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import { AppError } from "../errors";
import { revokeStaffSessions } from "./revoke-staff-sessions";

export const ZChangeStaffAssignmentInput = z.object({ role: z.enum(STAFF_ROLE_VALUES), structureId: z.uuid() });

export async function changeStaffAssignment(actor: StaffActor, staffUserId: string, rawInput: z.input<typeof ZChangeStaffAssignmentInput>, request: RequestContext): Promise<void> {
  assertCan(actor, "staff.manage");
  if (!isUuid(staffUserId)) throw new AppError("NOT_FOUND");
  const parsed = ZChangeStaffAssignmentInput.safeParse(rawInput);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  const { role, structureId } = parsed.data;
  if (staffUserId === actor.id) throw new AppError("INVALID_INPUT", { reason: "selfLockout" });
  const structure = await db().structure.findUnique({ where: { id: structureId }, select: { kind: true } });
  if (!structure) throw new AppError("INVALID_INPUT", { field: "structureId", reason: "required" });
  if (!roleFitsStructure(role, structure.kind)) throw new AppError("INVALID_INPUT", { field: "structureId", reason: "structureKindMismatch" });
  await db().$transaction(async (tx) => {
    const before = await tx.staffUser.findUnique({ where: { id: staffUserId }, select: { role: true, structureId: true } });
    if (!before) throw new AppError("NOT_FOUND");
    if (before.role === role && before.structureId === structureId) return;
    await tx.staffUser.update({ where: { id: staffUserId }, data: { role, structureId } });
    const revoked = await revokeStaffSessions(tx, staffUserId);
    await recordAuditEvent(tx, {
      actor: { type: "STAFF", id: actor.id },
      action: "staff.assignment-changed",
      target: { type: "staff_user", id: staffUserId },
      request,
      details: { fromRole: before.role, toRole: role, fromStructureId: before.structureId, toStructureId: structureId, sessionsRevoked: revoked },
    });
  });
}
