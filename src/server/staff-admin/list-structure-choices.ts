// The structures a staff account can be attached to, for the invitation and
// assignment forms (issue #6, point 8): id, kind, name, department.
import { assertCan } from "../authz/permissions";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import type { StructureKind } from "../db/generated/enums";

export type StructureChoice = { id: string; kind: StructureKind; name: string; department: string | null };

export async function listStructureChoices(actor: StaffActor): Promise<StructureChoice[]> {
  assertCan(actor, "staff.manage");
  return db().structure.findMany({ orderBy: [{ kind: "asc" }, { name: "asc" }], select: { id: true, kind: true, name: true, department: true } });
}
