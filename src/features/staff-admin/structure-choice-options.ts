// A structure as the selects show it: "GUDA Paris — GUDA (75)".
import type { StructureChoice } from "@/server/staff-admin/list-structure-choices";
import { structureKindLabel } from "./components/kind-options";
import type { StructureOption } from "./components/role-options";

export function structureChoiceOptions(t: (key: string) => string, choices: StructureChoice[]): StructureOption[] {
  return choices.map((s) => ({ value: s.id, label: `${s.name} — ${structureKindLabel(t, s.kind)}${s.department ? ` (${s.department})` : ""}` }));
}
