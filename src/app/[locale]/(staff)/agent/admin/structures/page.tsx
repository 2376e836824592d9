import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AdminNav } from "@/features/staff-admin/components/admin-nav";
import { structureKindLabel } from "@/features/staff-admin/components/kind-options";
import { CreateStructureForm } from "@/features/staff-admin/components/structure-forms";
import { NotFoundContent } from "@/features/layout/components/not-found-content";
import { StaffBar } from "@/features/staff-space/components/staff-bar";
import { requireStaffPage } from "@/features/staff-space/require-staff-page";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import { abilitiesOf } from "@/server/authz/permissions";
import { listStructures } from "@/server/staff-admin/list-structures";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staffAdmin" });
  return { title: t("structuresTitle"), robots: { index: false } };
}

/** Structures (issue #6, point 8): the list, and a new one. */
export default async function StructuresPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaffPage(locale, "structure.manage");
  if (staff === "not-found") return <NotFoundContent locale={locale} />;
  const structures = await listStructures(staff);
  const t = await getTranslations("staffAdmin");
  return (
    <>
      <StaffBar staff={staff} locale={locale} />
      <div className="fr-container fr-my-6w">
        <h1>{t("structuresTitle")}</h1>
        <AdminNav locale={locale} current="structures" abilities={abilitiesOf(staff.role)} />
        <h2 id="structures-list-title">{t("structuresListTitle")}</h2>
        {structures.length === 0 ? (
          <p>{t("structuresEmpty")}</p>
        ) : (
          <div className="fr-table fr-mb-6w">
            <table aria-labelledby="structures-list-title">
              <thead>
                <tr>
                  <th scope="col">{t("nameLabel")}</th>
                  <th scope="col">{t("kindLabel")}</th>
                  <th scope="col">{t("departmentColumn")}</th>
                  <th scope="col">{t("staffCountColumn")}</th>
                </tr>
              </thead>
              <tbody>
                {structures.map((structure) => (
                  <tr key={structure.id}>
                    <th scope="row">
                      <a className="fr-link" href={localePath(locale, `/agent/admin/structures/${structure.id}`)}>{structure.name}</a>
                    </th>
                    <td>{structureKindLabel(t, structure.kind)}</td>
                    <td dir="ltr">{structure.department ?? "—"}</td>
                    <td>{structure.staffCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <section aria-labelledby="create-structure-title">
          <h2 id="create-structure-title">{t("createStructureTitle")}</h2>
          <CreateStructureForm />
        </section>
      </div>
    </>
  );
}
