// One structure for its edit page (issue #6, point 8). The permission is
// checked first, so a refused role learns nothing about the id.
import { isUuid } from "../../lib/uuid";
import { assertCan } from "../authz/permissions";
import type { StaffActor } from "../authz/staff-actor";
import { AppError } from "../errors";
import { listStructures, type StructureRow } from "./list-structures";

export async function getStructure(actor: StaffActor, structureId: string): Promise<StructureRow> {
  assertCan(actor, "structure.manage");
  if (!isUuid(structureId)) throw new AppError("NOT_FOUND");
  const [row] = await listStructures(actor, { structureId });
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}
