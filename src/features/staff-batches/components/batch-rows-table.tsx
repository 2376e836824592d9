// Every row of a batch with its result (issue #6, point 3): the manifest's line
// number, the applicant's number, the type, the file, and the outcome — the
// document's reference once published, or each problem in words. Never a
// document's content (seed 000, art. 8).
import { getTranslations } from "next-intl/server";
import type { BatchRowView } from "@/server/document-batches/get-document-batch";
import { documentTypeName } from "../../staff-space/staff-labels";
import { outcomeLabel, problemLabel } from "../batch-labels";

const BADGE: Record<BatchRowView["outcome"], string> = {
  INVALID: "fr-badge--error",
  READY: "fr-badge--info",
  PUBLISHING: "fr-badge--new",
  PUBLISHED: "fr-badge--success",
  DUPLICATE: "fr-badge--warning",
  FAILED: "fr-badge--error",
};

export async function BatchRowsTable({ rows }: { rows: BatchRowView[] }) {
  const t = await getTranslations("batches");
  const ta = await getTranslations("agent");
  return (
    <div className="fr-table fr-table--no-caption-scroll">
      <table>
        <caption>{t("rowsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("colLine")}</th>
            <th scope="col">{t("colNumber")}</th>
            <th scope="col">{t("colType")}</th>
            <th scope="col">{t("colFile")}</th>
            <th scope="col">{t("colResult")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line} id={`ligne-${row.line}`}>
              <th scope="row">{row.line}</th>
              <td dir="ltr">{row.applicantNumber}</td>
              <td>{row.type ? documentTypeName(ta, row.type) : t("noType")}</td>
              <td dir="ltr">{row.fileName}</td>
              <td>
                <p className={`fr-badge fr-badge--sm ${BADGE[row.outcome]} fr-mb-1v`}>{outcomeLabel(t, row.outcome)}</p>
                {row.documentReference ? <p className="fr-text--sm fr-mb-0" dir="auto">{t("reference", { reference: row.documentReference })}</p> : null}
                {row.problems.length > 0 ? (
                  <ul className="fr-text--sm fr-mb-0">
                    {row.problems.map((problem, i) => (
                      <li key={i}>{problemLabel(t, problem)}</li>
                    ))}
                  </ul>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
