// An applicant's documents as an OFPRA agent follows them (issue #5, point 10):
// type, reference, state and legal dates in Paris time; each receipt with its
// kind, basis, token time and TSA serial; each alert with its status and
// attempts (delivered is not read). No link to the content (seed 000, art. 8).
import { getFormatter, getTranslations } from "next-intl/server";
import type { StaffDocument } from "@/server/staff-applicants/list-applicant-documents-for-staff";
import { alertLabel, alertStatusLabel, documentStateLabel, documentTypeName, receiptLabel, STAFF_DATE, STAFF_DATE_TIME } from "../../staff-space/staff-labels";

export async function StaffDocumentList({ documents }: { documents: StaffDocument[] }) {
  const t = await getTranslations("agent");
  const format = await getFormatter();
  const when = (date: Date | null) => (date ? format.dateTime(date, STAFF_DATE_TIME) : t("none"));
  if (documents.length === 0) return <p>{t("noDocuments")}</p>;
  return (
    <ul className="epns-plain-list">
      {documents.map((document) => (
        <li key={document.id} className="fr-card fr-mb-3w fr-p-3w" id={`document-${document.id}`}>
          <h3 className="fr-h5 fr-mb-1w">{documentTypeName(t, document.type)}</h3>
          <p className="fr-mb-1w">
            <span className="fr-badge fr-badge--sm fr-badge--info">{documentStateLabel(t, document.state)}</span>
          </p>
          <dl className="epns-facts fr-text--sm">
            <dt>{t("referenceLabel")}</dt>
            <dd dir="ltr">{document.reference}</dd>
            <dt>{t("depositedAtLabel")}</dt>
            <dd>{when(document.depositedAt)}</dd>
            <dt>{t("availableAtLabel")}</dt>
            <dd>{when(document.availableAt)}</dd>
            <dt>{t("deadlineAtLabel")}</dt>
            {/* The period ends at 24:00 Paris time of its last day (seed 000, art. 6): that day is shown. */}
            <dd>{document.deadlineAt ? t("deadlineValue", { date: format.dateTime(new Date(document.deadlineAt.getTime() - 1), STAFF_DATE) }) : t("none")}</dd>
            <dt>{t("firstOpenedAtLabel")}</dt>
            <dd>{when(document.firstOpenedAt)}</dd>
          </dl>
          <h4 className="fr-text--md fr-text--bold fr-mb-1w">{t("receiptsTitle")}</h4>
          {document.receipts.length === 0 ? (
            <p className="fr-text--sm">{t("noReceipts")}</p>
          ) : (
            <ul className="fr-text--sm">
              {document.receipts.map((receipt) => (
                <li key={receipt.kind}>
                  {t("receiptLine", {
                    kind: receiptLabel(t, receipt),
                    event: when(receipt.eventAt),
                    token: when(receipt.tokenGenTime),
                    serial: receipt.tsaSerial ?? t("none"),
                  })}
                </li>
              ))}
            </ul>
          )}
          <h4 className="fr-text--md fr-text--bold fr-mb-1w">{t("alertsTitle")}</h4>
          {document.alerts.length === 0 ? (
            <p className="fr-text--sm">{t("noAlerts")}</p>
          ) : (
            <ul className="fr-text--sm fr-mb-0">
              {document.alerts.map((alert) => (
                <li key={alert.id}>
                  {alert.attempts === 0
                    ? t("alertLineNoAttempt", { alert: alertLabel(t, alert), status: alertStatusLabel(t, alert.status) })
                    : t("alertLine", { alert: alertLabel(t, alert), status: alertStatusLabel(t, alert.status), attempts: alert.attempts, last: when(alert.lastAttemptAt) })}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
