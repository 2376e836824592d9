// Which kind of structure a staff role belongs to (../shared/DESIGN.md,
// "People"): OFPRA agents and administrators at OFPRA, GUDA agents at a
// guichet unique, host-structure staff at a SPADA, CADA or domiciliation, CNDA
// staff at the CNDA. The scopes (src/server/authz/scopes.ts) rely on it.
export const STAFF_ROLE_VALUES = ["OFPRA_AGENT", "OFPRA_ADMIN", "GUDA_AGENT", "HOST_STRUCTURE_STAFF", "CNDA_STAFF"] as const;
export const STRUCTURE_KIND_VALUES = ["OFPRA", "GUDA", "SPADA", "CADA", "DOMICILIATION", "CNDA"] as const;

export type StaffRoleValue = (typeof STAFF_ROLE_VALUES)[number];
export type StructureKindValue = (typeof STRUCTURE_KIND_VALUES)[number];

export const STRUCTURE_KINDS_OF_ROLE: Record<StaffRoleValue, readonly StructureKindValue[]> = {
  OFPRA_AGENT: ["OFPRA"],
  OFPRA_ADMIN: ["OFPRA"],
  GUDA_AGENT: ["GUDA"],
  HOST_STRUCTURE_STAFF: ["SPADA", "CADA", "DOMICILIATION"],
  CNDA_STAFF: ["CNDA"],
};

export function roleFitsStructure(role: StaffRoleValue, kind: StructureKindValue): boolean {
  return STRUCTURE_KINDS_OF_ROLE[role].includes(kind);
}
