import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { AdminNav } from "@/features/staff-admin/components/admin-nav";
import { AssignmentForm, DisableForm, ReinviteForm, ResetSecondFactorForm } from "@/features/staff-admin/components/staff-account-forms";
import { structureChoiceOptions } from "@/features/staff-admin/structure-choice-options";
import { NotFoundContent } from "@/features/layout/components/not-found-content";
import { StaffBar } from "@/features/staff-space/components/staff-bar";
import { requireStaffPage } from "@/features/staff-space/require-staff-page";
import { roleLabel, STAFF_DATE_TIME } from "@/features/staff-space/staff-labels";
import type { Locale } from "@/i18n/routing";
import { abilitiesOf } from "@/server/authz/permissions";
import { isAppError } from "@/server/errors";
import { getStaffAccount } from "@/server/staff-admin/get-staff-account";
import type { StaffAccountRow } from "@/server/staff-admin/list-staff";
import { listStructureChoices } from "@/server/staff-admin/list-structure-choices";

type Props = { params: Promise<{ locale: Locale; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staffAdmin" });
  return { title: t("accountTitle"), robots: { index: false } };
}

/** One staff account (issue #6, point 8): its state and what the administrator may change. */
export default async function StaffAccountPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const staff = await requireStaffPage(locale, "staff.manage");
  if (staff === "not-found") return <NotFoundContent locale={locale} />;
  let account: StaffAccountRow;
  try {
    account = await getStaffAccount(staff, id);
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) return <NotFoundContent locale={locale} />;
    throw error;
  }
  const structures = await listStructureChoices(staff);
  const t = await getTranslations("staffAdmin");
  const tAgent = await getTranslations("agent");
  const format = await getFormatter();
  const self = account.id === staff.id;
  return (
    <>
      <StaffBar staff={staff} locale={locale} />
      <div className="fr-container fr-my-6w">
        <h1>{t("accountTitle")}</h1>
        <AdminNav locale={locale} current="staff" abilities={abilitiesOf(staff.role)} />
        <dl className="epns-facts fr-mb-4w">
          <dt>{t("emailColumn")}</dt>
          <dd dir="ltr">{account.email}</dd>
          <dt>{t("roleColumn")}</dt>
          <dd>{roleLabel(tAgent, account.role)}</dd>
          <dt>{t("structureColumn")}</dt>
          <dd>{account.structureName}</dd>
          <dt>{t("passwordColumn")}</dt>
          <dd>{account.hasPassword ? t("yes") : account.invitationOpen ? t("statusInvited") : t("statusInvitationExpired")}</dd>
          <dt>{t("enrolledColumn")}</dt>
          <dd>{account.enrolled ? t("yes") : t("no")}</dd>
          <dt>{t("lastLoginColumn")}</dt>
          <dd>{account.lastLoginAt ? format.dateTime(account.lastLoginAt, STAFF_DATE_TIME) : t("never")}</dd>
          <dt>{t("statusColumn")}</dt>
          <dd>{account.disabled ? t("statusDisabled") : t("statusActive")}</dd>
        </dl>
        {self ? (
          <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-4w">
            <p>{t("selfNotice")}</p>
          </div>
        ) : (
          <>
            <section aria-labelledby="assignment-title" className="fr-mb-6w">
              <h2 id="assignment-title">{t("assignmentTitle")}</h2>
              <AssignmentForm staffUserId={account.id} role={account.role} structureId={account.structureId} structures={structureChoiceOptions(t, structures)} />
            </section>
            {account.disabled ? null : (
              <section aria-labelledby="reinvite-title" className="fr-mb-6w">
                <h2 id="reinvite-title">{t("reinviteTitle")}</h2>
                <ReinviteForm staffUserId={account.id} />
              </section>
            )}
            <section aria-labelledby="reset-title" className="fr-mb-6w">
              <h2 id="reset-title">{t("resetSecondFactorTitle")}</h2>
              <ResetSecondFactorForm staffUserId={account.id} />
            </section>
            <section aria-labelledby="disable-title" className="fr-mb-6w">
              <h2 id="disable-title">{account.disabled ? t("enableTitle") : t("disableTitle")}</h2>
              <DisableForm staffUserId={account.id} disabled={account.disabled} />
            </section>
          </>
        )}
      </div>
    </>
  );
}
