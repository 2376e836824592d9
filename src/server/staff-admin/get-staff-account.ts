// One staff account for its administration page (issue #6, point 8). The
// permission is checked first, so a refused role learns nothing about the id.
import { isUuid } from "../../lib/uuid";
import { assertCan } from "../authz/permissions";
import type { StaffActor } from "../authz/staff-actor";
import { AppError } from "../errors";
import { listStaff, type StaffAccountRow } from "./list-staff";

export async function getStaffAccount(actor: StaffActor, staffUserId: string): Promise<StaffAccountRow> {
  assertCan(actor, "staff.manage");
  if (!isUuid(staffUserId)) throw new AppError("NOT_FOUND");
  const [row] = await listStaff(actor, { staffUserId });
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}
