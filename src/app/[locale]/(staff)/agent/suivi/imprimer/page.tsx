import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { NotFoundContent } from "@/features/layout/components/not-found-content";
import { StaffBar } from "@/features/staff-space/components/staff-bar";
import { requireStaffPage } from "@/features/staff-space/require-staff-page";
import { STAFF_DATE, STAFF_DATE_TIME } from "@/features/staff-space/staff-labels";
import { ApplicantTable } from "@/features/staff-views/components/applicant-table";
import { PrintButton } from "@/features/staff-views/components/print-button";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import { requestContext } from "@/server/http/request-context";
import { FOLLOW_UP_DUE_MAX, listFollowUpDue } from "@/server/staff-views/list-follow-up-due";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staffViews" });
  return { title: t("printTitle"), robots: { index: false } };
}

/**
 * Host-structure staff's printable list (issue #6, point 6): applicants with an
 * unopened document whose 15-day period ends within the next 5 days, with the
 * date of printing. Print styles (globals.css, @media print) leave only the list.
 */
export default async function FollowUpPrintPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaffPage(locale, "document.followUp");
  if (staff === "not-found") return <NotFoundContent locale={locale} />;
  const now = new Date();
  const due = await listFollowUpDue(staff, await requestContext(), now);
  const t = await getTranslations("staffViews");
  const format = await getFormatter();
  // The window ends at the same Paris time 5 days later; deadlines are 24:00 of a day, so that day is the last one listed.
  const lastDay = format.dateTime(new Date(due.window.upTo.getTime() - 1), STAFF_DATE);
  return (
    <>
      <div className="epns-no-print">
        <StaffBar staff={staff} locale={locale} />
      </div>
      <div className="fr-container fr-my-6w epns-printable">
        <h1>{t("printTitle")}</h1>
        <p>{t("printIntro", { structure: staff.structureName, upTo: lastDay })}</p>
        <p className="fr-text--bold">{t("printedAt", { date: format.dateTime(now, STAFF_DATE_TIME) })}</p>
        <div className="epns-no-print">
          <p className="fr-text--sm">{t("printHint")}</p>
          <PrintButton label={t("printButton")} />
          <p>
            <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={localePath(locale, "/agent/demandeurs")}>{t("backToList")}</a>
          </p>
        </div>
        {due.rows.length === 0 ? (
          <p>{t("printEmpty")}</p>
        ) : (
          <ApplicantTable locale={locale} caption={t("printCaption")} rows={due.rows} followUp={{ countHeader: t("colDueCount") }} printable />
        )}
        {due.truncated ? <p>{t("printTruncated", { max: FOLLOW_UP_DUE_MAX })}</p> : null}
      </div>
    </>
  );
}
