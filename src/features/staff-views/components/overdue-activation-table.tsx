// The accounts not activated in time (issue #7, point 2): numbers, the host
// structure (for OFPRA agents, who see every structure's), when activation was
// due and when the key in force was handed over. Each AGDREF number links to
// the applicant's file, where an agent reissues the key or records the
// exemption that puts the applicant on the postal track.
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable, shownIf } from "@/features/layout/components/data-table";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import type { OverdueActivation } from "@/server/retention/list-overdue-activations";
import { STAFF_DATE } from "../../staff-space/staff-labels";

type Props = { locale: Locale; caption: string; rows: readonly OverdueActivation[]; showHostStructure: boolean };

export async function OverdueActivationTable({ locale, caption, rows, showHostStructure }: Props) {
  const t = await getTranslations("staffViews");
  const format = await getFormatter();
  const day = (date: Date | null) => (date ? format.dateTime(date, STAFF_DATE) : t("none"));
  return (
    <DataTable
      className="fr-table--bordered epns-staff-table"
      caption={caption}
      columns={[t("colAgdref"), t("colOfpra"), ...shownIf(showHostStructure, t("colHostStructure")), t("colActivationDue"), t("colKeyIssued")]}
      rows={rows.map((row) => ({
        key: row.applicantId,
        cells: [
          <a key="agdref" className="fr-link" dir="ltr" href={localePath(locale, `/agent/demandeurs/${row.applicantId}`)}>{row.agdrefNumber}</a>,
          <span key="ofpra" dir="ltr">{row.ofpraNumber ?? t("none")}</span>,
          ...shownIf(showHostStructure, row.hostStructureName ?? t("none")),
          day(row.dueAt),
          day(row.keyIssuedAt),
        ],
      }))}
    />
  );
}
