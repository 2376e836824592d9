// The table of the read-only staff lists (issue #6, points 5 and 6): numbers,
// state, activation, last login and, for host structures, the unopened
// documents' count and nearest deadline. Each AGDREF number links to the
// applicant's file (same scope). Nothing of the documents themselves.
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable, shownIf } from "@/features/layout/components/data-table";
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
    <DataTable
      className="fr-table--bordered epns-staff-table"
      caption={caption}
      columns={[
        t("colAgdref"),
        t("colOfpra"),
        t("colState"),
        ...shownIf(!printable, t("colActivatedAt")),
        t("colLastLogin"),
        ...(followUp ? [followUp.countHeader, t("colNearestDeadline")] : []),
      ]}
      rows={rows.map((row) => ({
        key: row.id,
        cells: [
          printable ? (
            <span key="agdref" dir="ltr">{row.agdrefNumber}</span>
          ) : (
            <a key="agdref" className="fr-link" dir="ltr" href={localePath(locale, `/agent/demandeurs/${row.id}`)}>{row.agdrefNumber}</a>
          ),
          <span key="ofpra" dir="ltr">{row.ofpraNumber ?? t("none")}</span>,
          applicantStateLabel(agent, row.state),
          ...shownIf(!printable, when(row.activatedAt, t("none"))),
          when(row.lastLoginAt, t("never")),
          ...(followUp && "unopenedCount" in row ? [row.unopenedCount, deadline(row.nearestDeadlineAt)] : []),
        ],
      }))}
    />
  );
}
