// What an administrator types for a structure (issue #6, point 8): a name and,
// for a GUDA, its INSEE department code (it scopes the GUDA agents: seed 000,
// art. 2); other kinds may give one too (a host structure's department).
import { z } from "zod";
import { parseInseeDepartment } from "../../lib/insee-department";
import { hasForbiddenCharacters } from "../../lib/plain-text";
import { STRUCTURE_KIND_VALUES, type StructureKindValue } from "../../lib/staff-role-structures";
import { AppError } from "../errors";

export const STRUCTURE_NAME_MAX = 120;

const refused = (field: "name" | "department", reason: string) => new AppError("INVALID_INPUT", { field, reason });

/**
 * The checked name and department, or INVALID_INPUT naming the field and why:
 * each field's own reason (a long department is not a missing name; a name
 * with a NUL or a bidi override is refused, not stored: issue #7, bad-input sweep).
 */
export function checkedStructureFields(kind: StructureKindValue, raw: { name: string; department?: string }): { name: string; department: string | null } {
  const name = raw.name.trim();
  if (name === "") throw refused("name", "required");
  if (name.length > STRUCTURE_NAME_MAX) throw refused("name", "nameTooLong");
  if (hasForbiddenCharacters(name)) throw refused("name", "nameCharacters");
  const given = (raw.department ?? "").trim();
  const department = given === "" ? null : parseInseeDepartment(given);
  if (given !== "" && !department) throw refused("department", "departmentFormat");
  if (kind === "GUDA" && !department) throw refused("department", "departmentRequired");
  return { name, department };
}

export const ZStructureKind = z.enum(STRUCTURE_KIND_VALUES);
