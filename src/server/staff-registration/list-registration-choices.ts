// The structures a registration form offers (issue #6, points 3 and 5): host or
// domiciliation structures (seed 000, art. 9, 4°) and, for an OFPRA agent, the
// guichets uniques (a GUDA agent registers at its own: art. 2).
import { assertCan } from "../authz/permissions";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import type { StructureKind } from "../db/generated/enums";

export type StructureChoice = { id: string; name: string; kind: StructureKind; department: string | null };
export type RegistrationChoices = { hostStructures: StructureChoice[]; guichets: StructureChoice[] | null };

export async function listRegistrationChoices(actor: StaffActor): Promise<RegistrationChoices> {
  assertCan(actor, "applicant.register");
  const select = { id: true, name: true, kind: true, department: true } as const;
  const hostStructures = await db().structure.findMany({ where: { kind: { in: ["SPADA", "CADA", "DOMICILIATION"] } }, orderBy: [{ department: "asc" }, { name: "asc" }], select, take: 1000 });
  const guichets = actor.role === "GUDA_AGENT" ? null : await db().structure.findMany({ where: { kind: "GUDA" }, orderBy: [{ department: "asc" }, { name: "asc" }], select, take: 500 });
  return { hostStructures, guichets };
}
