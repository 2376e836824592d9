// Creates a structure (issue #6, point 8). The pair (kind, name) is unique.
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { assertCan } from "../authz/permissions";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import { AppError } from "../errors";
import { checkedStructureFields, ZStructureKind } from "./structure-input";

export async function createStructure(actor: StaffActor, raw: { kind: string; name: string; department?: string }, request: RequestContext): Promise<{ structureId: string }> {
  assertCan(actor, "structure.manage");
  const kind = ZStructureKind.safeParse(raw.kind);
  if (!kind.success) throw new AppError("INVALID_INPUT", { field: "kind", reason: "required" });
  const fields = checkedStructureFields(kind.data, raw);
  return db().$transaction(async (tx) => {
    if (await tx.structure.findFirst({ where: { kind: kind.data, name: fields.name }, select: { id: true } })) {
      throw new AppError("INVALID_INPUT", { field: "name", reason: "structureNameTaken" });
    }
    const structure = await tx.structure.create({ data: { kind: kind.data, ...fields }, select: { id: true } });
    await recordAuditEvent(tx, { actor: { type: "STAFF", id: actor.id }, action: "structure.created", target: { type: "structure", id: structure.id }, request, details: { kind: kind.data } });
    return { structureId: structure.id };
  });
}
