// The staff accounts for the administrator (issue #6, point 8): e-mail, role,
// structure, second factor enrolled, last sign-in, disabled, and whether an
// invitation is waiting. No applicant data here.
import { assertCan } from "../authz/permissions";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import type { StaffRole, StructureKind } from "../db/generated/enums";

export type StaffAccountRow = {
  id: string;
  email: string;
  role: StaffRole;
  structureId: string;
  structureName: string;
  structureKind: StructureKind;
  hasPassword: boolean;
  enrolled: boolean;
  lastLoginAt: Date | null;
  disabled: boolean;
  invitationOpen: boolean;
};

export async function listStaff(actor: StaffActor, options: { staffUserId?: string } = {}, now = new Date()): Promise<StaffAccountRow[]> {
  assertCan(actor, "staff.manage");
  const rows = await db().staffUser.findMany({
    where: options.staffUserId ? { id: options.staffUserId } : {},
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { email: "asc" }],
    select: {
      id: true, email: true, role: true, structureId: true, passwordHash: true, totpEnrolledAt: true, lastLoginAt: true, disabledAt: true,
      structure: { select: { name: true, kind: true } },
      invitations: { where: { usedAt: null, supersededAt: null, expiresAt: { gt: now } }, select: { id: true }, take: 1 },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    role: row.role,
    structureId: row.structureId,
    structureName: row.structure.name,
    structureKind: row.structure.kind,
    hasPassword: row.passwordHash !== null,
    enrolled: row.totpEnrolledAt !== null,
    lastLoginAt: row.lastLoginAt,
    disabled: row.disabledAt !== null,
    invitationOpen: row.invitations.length > 0,
  }));
}
