// Structure-kind labels. `t` is useTranslations("staffAdmin").
import { STRUCTURE_KIND_VALUES, type StructureKindValue } from "@/lib/staff-role-structures";

type Translate = (key: string) => string;

export function structureKindLabel(t: Translate, kind: StructureKindValue): string {
  const labels: Record<StructureKindValue, string> = {
    OFPRA: t("kindOFPRA"),
    GUDA: t("kindGUDA"),
    SPADA: t("kindSPADA"),
    CADA: t("kindCADA"),
    DOMICILIATION: t("kindDOMICILIATION"),
    CNDA: t("kindCNDA"),
  };
  return labels[kind];
}

export function structureKindOptions(t: Translate): Array<{ value: StructureKindValue; label: string }> {
  return STRUCTURE_KIND_VALUES.map((value) => ({ value, label: structureKindLabel(t, value) }));
}
