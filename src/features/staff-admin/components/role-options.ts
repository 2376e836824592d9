// Role labels for the selects. `t` is useTranslations("agent") (the labels the staff bar shows).
import { STAFF_ROLE_VALUES, type StaffRoleValue } from "@/lib/staff-role-structures";

type Translate = (key: string) => string;

export function roleOptions(t: Translate): Array<{ value: StaffRoleValue; label: string }> {
  const labels: Record<StaffRoleValue, string> = {
    OFPRA_AGENT: t("roleOFPRA_AGENT"),
    OFPRA_ADMIN: t("roleOFPRA_ADMIN"),
    GUDA_AGENT: t("roleGUDA_AGENT"),
    HOST_STRUCTURE_STAFF: t("roleHOST_STRUCTURE_STAFF"),
    CNDA_STAFF: t("roleCNDA_STAFF"),
  };
  return STAFF_ROLE_VALUES.map((value) => ({ value, label: labels[value] }));
}

/** A structure as a select shows it: "GUDA Paris — Guichet unique (GUDA) (75)". */
export type StructureOption = { value: string; label: string };
