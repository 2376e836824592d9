// One staff account for its administration page (issue #6, point 8).
import { isUuid } from "../../lib/uuid";
import type { StaffActor } from "../authz/staff-actor";
import { AppError } from "../errors";
import { listStaff, type StaffAccountRow } from "./list-staff";

export async function getStaffAccount(actor: StaffActor, staffUserId: string): Promise<StaffAccountRow> {
  if (!isUuid(staffUserId)) {
    // Same permission check first: a refused role never learns whether the id is well formed.
    await listStaff(actor, { staffUserId: "00000000-0000-0000-0000-000000000000" });
    throw new AppError("NOT_FOUND");
  }
  const [row] = await listStaff(actor, { staffUserId });
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}
