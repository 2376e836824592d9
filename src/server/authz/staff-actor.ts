// The staff user behind a request, read fresh from the database on every call
// (role, structure, department, not disabled): a role changed or an account
// disabled takes effect at the next click, whatever the session.
import { db } from "../db/client";
import type { StaffRole } from "../db/generated/enums";

export type StaffActor = {
  id: string;
  email: string;
  role: StaffRole;
  structureId: string;
  structureName: string;
  /** The department of the staff user's structure (scopes GUDA agents). */
  department: string | null;
};

export async function loadStaffActor(staffUserId: string): Promise<StaffActor | null> {
  const staff = await db().staffUser.findFirst({
    where: { id: staffUserId, disabledAt: null },
    select: { id: true, email: true, role: true, structureId: true, structure: { select: { name: true, department: true } } },
  });
  if (!staff) return null;
  return { id: staff.id, email: staff.email, role: staff.role, structureId: staff.structureId, structureName: staff.structure.name, department: staff.structure.department };
}
