import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { AdminNav } from "@/features/staff-admin/components/admin-nav";
import { InviteStaffForm } from "@/features/staff-admin/components/invite-staff-form";
import { structureChoiceOptions } from "@/features/staff-admin/structure-choice-options";
import { NotFoundContent } from "@/features/layout/components/not-found-content";
import { StaffBar } from "@/features/staff-space/components/staff-bar";
import { requireStaffPage } from "@/features/staff-space/require-staff-page";
import { roleLabel, STAFF_DATE_TIME } from "@/features/staff-space/staff-labels";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import { abilitiesOf } from "@/server/authz/permissions";
import { listStaff } from "@/server/staff-admin/list-staff";
import { listStructureChoices } from "@/server/staff-admin/list-structure-choices";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staffAdmin" });
  return { title: t("staffTitle"), robots: { index: false } };
}

/** Staff accounts (issue #6, point 8): the list, and the invitation of a new member. */
export default async function StaffAccountsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaffPage(locale, "staff.manage");
  if (staff === "not-found") return <NotFoundContent locale={locale} />;
  const [accounts, structures] = [await listStaff(staff), await listStructureChoices(staff)];
  const t = await getTranslations("staffAdmin");
  const tAgent = await getTranslations("agent");
  const format = await getFormatter();
  return (
    <>
      <StaffBar staff={staff} locale={locale} />
      <div className="fr-container fr-my-6w">
        <h1>{t("staffTitle")}</h1>
        <AdminNav locale={locale} current="staff" abilities={abilitiesOf(staff.role)} />
        <h2 id="staff-list-title">{t("staffListTitle")}</h2>
        {accounts.length === 0 ? (
          <p>{t("staffEmpty")}</p>
        ) : (
          <div className="fr-table fr-mb-6w">
            <table aria-labelledby="staff-list-title">
              <thead>
                <tr>
                  <th scope="col">{t("emailColumn")}</th>
                  <th scope="col">{t("roleColumn")}</th>
                  <th scope="col">{t("structureColumn")}</th>
                  <th scope="col">{t("enrolledColumn")}</th>
                  <th scope="col">{t("lastLoginColumn")}</th>
                  <th scope="col">{t("statusColumn")}</th>
                </tr>
              </thead>
              <tbody>
                {accounts.map((account) => (
                  <tr key={account.id}>
                    <th scope="row">
                      <a className="fr-link" href={localePath(locale, `/agent/admin/personnel/${account.id}`)} dir="ltr">{account.email}</a>
                    </th>
                    <td>{roleLabel(tAgent, account.role)}</td>
                    <td>{account.structureName}</td>
                    <td>{account.enrolled ? t("yes") : t("no")}</td>
                    <td>{account.lastLoginAt ? format.dateTime(account.lastLoginAt, STAFF_DATE_TIME) : t("never")}</td>
                    <td>{account.disabled ? t("statusDisabled") : !account.hasPassword ? (account.invitationOpen ? t("statusInvited") : t("statusInvitationExpired")) : t("statusActive")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <section aria-labelledby="invite-title">
          <h2 id="invite-title">{t("inviteTitle")}</h2>
          <p>{t("inviteIntro")}</p>
          {structures.length === 0 ? <p>{t("noStructure")}</p> : <InviteStaffForm structures={structureChoiceOptions(t, structures)} />}
        </section>
      </div>
    </>
  );
}
