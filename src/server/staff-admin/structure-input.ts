// What an administrator types for a structure (issue #6, point 8): a name and,
// for a GUDA, its INSEE department code (it scopes the GUDA agents: seed 000,
// art. 2); other kinds may give one too (a host structure's department).
import { z } from "zod";
import { parseInseeDepartment } from "../../lib/insee-department";
import { STRUCTURE_KIND_VALUES, type StructureKindValue } from "../../lib/staff-role-structures";
import { AppError } from "../errors";

export const ZStructureFields = z.object({ name: z.string().trim().min(1).max(120), department: z.string().trim().max(3).optional() });

/** The checked name and department, or INVALID_INPUT naming the field. */
export function checkedStructureFields(kind: StructureKindValue, raw: { name: string; department?: string }): { name: string; department: string | null } {
  const parsed = ZStructureFields.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID_INPUT", { field: "name", reason: "required" });
  const given = parsed.data.department ?? "";
  const department = given === "" ? null : parseInseeDepartment(given);
  if (given !== "" && !department) throw new AppError("INVALID_INPUT", { field: "department", reason: "departmentFormat" });
  if (kind === "GUDA" && !department) throw new AppError("INVALID_INPUT", { field: "department", reason: "departmentRequired" });
  return { name: parsed.data.name, department };
}

export const ZStructureKind = z.enum(STRUCTURE_KIND_VALUES);
