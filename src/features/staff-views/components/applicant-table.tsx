// The table of the read-only staff lists (issue #6, points 5 and 6): numbers,
// state, activation, last login and, for host structures, the unopened
// documents' count and nearest deadline. Each AGDREF number links to the
// applicant's file (same scope). Nothing of the documents themselves.
import { getFormatter, getTranslations } from "next-intl/server";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import type { ScopedApplicantRow } from "@/server/staff-views/list-scoped-applicants";
import type { FollowUpRow } from "@/server/staff-views/list-structure-follow-up";
import { applicantStateLabel, STAFF_DATE, STAFF_DATE_TIME } from "../../staff-space/staff-labels";

type Props = {
  locale: Locale;
  caption: string;
  rows: ReadonlyArray<ScopedApplicantRow | FollowUpRow>;
  /** Host structures: the unopened documents' columns (with their own header). */
  followUp?: { countHeader: string };
  /** The printable list: no links (paper), no activation date. */
  printable?: boolean;
};

export async function ApplicantTable({ locale, caption, rows, followUp, printable }: Props) {
  const t = await getTranslations("staffViews");
  const agent = await getTranslations("agent");
  const format = await getFormatter();
  const when = (date: Date | null, none: string) => (date ? format.dateTime(date, STAFF_DATE_TIME) : none);
  // The period ends at 24:00 Paris time on its last day (seed 000, art. 6): that day is shown.
  const deadline = (date: Date | null) => (date ? t("deadlineValue", { date: format.dateTime(new Date(date.getTime() - 1), STAFF_DATE) }) : t("none"));
  return (
    <div className="fr-table fr-table--bordered epns-staff-table">
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("colAgdref")}</th>
                  <th scope="col">{t("colOfpra")}</th>
                  <th scope="col">{t("colState")}</th>
                  {printable ? null : <th scope="col">{t("colActivatedAt")}</th>}
                  <th scope="col">{t("colLastLogin")}</th>
                  {followUp ? (
                    <>
                      <th scope="col">{followUp.countHeader}</th>
                      <th scope="col">{t("colNearestDeadline")}</th>
                    </>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <th scope="row" dir="ltr">
                      {printable ? row.agdrefNumber : <a className="fr-link" href={localePath(locale, `/agent/demandeurs/${row.id}`)}>{row.agdrefNumber}</a>}
                    </th>
                    <td dir="ltr">{row.ofpraNumber ?? t("none")}</td>
                    <td>{applicantStateLabel(agent, row.state)}</td>
                    {printable ? null : <td>{when(row.activatedAt, t("none"))}</td>}
                    <td>{when(row.lastLoginAt, t("never"))}</td>
                    {followUp && "unopenedCount" in row ? (
                      <>
                        <td>{row.unopenedCount}</td>
                        <td>{deadline(row.nearestDeadlineAt)}</td>
                      </>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
