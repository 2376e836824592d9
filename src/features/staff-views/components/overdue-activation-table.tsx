// The accounts not activated in time (issue #7, point 2): numbers, the host
// structure (for OFPRA agents, who see every structure's), when activation was
// due and when the key in force was handed over. Each AGDREF number links to
// the applicant's file, where an agent reissues the key or records the
// exemption that puts the applicant on the postal track.
import { getFormatter, getTranslations } from "next-intl/server";
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
                  {showHostStructure ? <th scope="col">{t("colHostStructure")}</th> : null}
                  <th scope="col">{t("colActivationDue")}</th>
                  <th scope="col">{t("colKeyIssued")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.applicantId}>
                    <th scope="row" dir="ltr">
                      <a className="fr-link" href={localePath(locale, `/agent/demandeurs/${row.applicantId}`)}>{row.agdrefNumber}</a>
                    </th>
                    <td dir="ltr">{row.ofpraNumber ?? t("none")}</td>
                    {showHostStructure ? <td>{row.hostStructureName ?? t("none")}</td> : null}
                    <td>{day(row.dueAt)}</td>
                    <td>{day(row.keyIssuedAt)}</td>
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
