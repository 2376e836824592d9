// Renames a structure or changes its department (issue #6, point 8); its kind
// stays (staff roles depend on it). A GUDA's new department changes the
// applicants its agents see at their next request (src/server/authz/scopes.ts).
import { isUuid } from "../../lib/uuid";
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { assertCan } from "../authz/permissions";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import { AppError } from "../errors";
import { checkedStructureFields } from "./structure-input";

export async function updateStructure(actor: StaffActor, structureId: string, raw: { name: string; department?: string }, request: RequestContext): Promise<void> {
  assertCan(actor, "structure.manage");
  if (!isUuid(structureId)) throw new AppError("NOT_FOUND");
  const current = await db().structure.findUnique({ where: { id: structureId }, select: { kind: true, department: true } });
  if (!current) throw new AppError("NOT_FOUND");
  const fields = checkedStructureFields(current.kind, raw);
  await db().$transaction(async (tx) => {
    if (await tx.structure.findFirst({ where: { kind: current.kind, name: fields.name, id: { not: structureId } }, select: { id: true } })) {
      throw new AppError("INVALID_INPUT", { field: "name", reason: "structureNameTaken" });
    }
    await tx.structure.update({ where: { id: structureId }, data: fields });
    await recordAuditEvent(tx, {
      actor: { type: "STAFF", id: actor.id },
      action: "structure.updated",
      target: { type: "structure", id: structureId },
      request,
      details: { department: fields.department, departmentBefore: current.department },
    });
  });
}
