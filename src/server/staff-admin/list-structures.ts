// The structures (OFPRA, GUDA, SPADA/CADA/domiciliation, CNDA) for the
// administrator (issue #6, point 8), with how many staff accounts each has.
import { assertCan } from "../authz/permissions";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import type { StructureKind } from "../db/generated/enums";

export type StructureRow = { id: string; kind: StructureKind; name: string; department: string | null; staffCount: number };

export async function listStructures(actor: StaffActor, options: { structureId?: string } = {}): Promise<StructureRow[]> {
  assertCan(actor, "structure.manage");
  const rows = await db().structure.findMany({
    where: options.structureId ? { id: options.structureId } : {},
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { id: true, kind: true, name: true, department: true, _count: { select: { staffUsers: true } } },
  });
  return rows.map((row) => ({ id: row.id, kind: row.kind, name: row.name, department: row.department, staffCount: row._count.staffUsers }));
}
