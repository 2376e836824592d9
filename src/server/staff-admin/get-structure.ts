// One structure for its edit page (issue #6, point 8).
import { isUuid } from "../../lib/uuid";
import type { StaffActor } from "../authz/staff-actor";
import { AppError } from "../errors";
import { listStructures, type StructureRow } from "./list-structures";

export async function getStructure(actor: StaffActor, structureId: string): Promise<StructureRow> {
  const [row] = await listStructures(actor, { structureId: isUuid(structureId) ? structureId : "00000000-0000-0000-0000-000000000000" });
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}
