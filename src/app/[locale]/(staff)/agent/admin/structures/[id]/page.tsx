import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AdminNav } from "@/features/staff-admin/components/admin-nav";
import { structureKindLabel } from "@/features/staff-admin/components/kind-options";
import { EditStructureForm } from "@/features/staff-admin/components/structure-forms";
import { NotFoundContent } from "@/features/layout/components/not-found-content";
import { StaffBar } from "@/features/staff-space/components/staff-bar";
import { requireStaffPage } from "@/features/staff-space/require-staff-page";
import type { Locale } from "@/i18n/routing";
import { abilitiesOf } from "@/server/authz/permissions";
import { isAppError } from "@/server/errors";
import { getStructure } from "@/server/staff-admin/get-structure";
import type { StructureRow } from "@/server/staff-admin/list-structures";

type Props = { params: Promise<{ locale: Locale; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staffAdmin" });
  return { title: t("structureTitle"), robots: { index: false } };
}

/** One structure (issue #6, point 8): its name and department can change, not its kind. */
export default async function StructurePage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const staff = await requireStaffPage(locale, "structure.manage");
  if (staff === "not-found") return <NotFoundContent locale={locale} />;
  let structure: StructureRow;
  try {
    structure = await getStructure(staff, id);
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) return <NotFoundContent locale={locale} />;
    throw error;
  }
  const t = await getTranslations("staffAdmin");
  return (
    <>
      <StaffBar staff={staff} locale={locale} />
      <div className="fr-container fr-my-6w">
        <h1>{t("structureTitle")}</h1>
        <AdminNav locale={locale} current="structures" abilities={abilitiesOf(staff.role)} />
        <dl className="epns-facts fr-mb-4w">
          <dt>{t("kindLabel")}</dt>
          <dd>{structureKindLabel(t, structure.kind)}</dd>
          <dt>{t("staffCountColumn")}</dt>
          <dd>{structure.staffCount}</dd>
        </dl>
        <div className="fr-grid-row">
          <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
            <EditStructureForm structureId={structure.id} name={structure.name} department={structure.department} />
          </div>
        </div>
      </div>
    </>
  );
}
