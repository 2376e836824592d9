// The applicant's documents (issue #5, point 8): type, availability, deadline,
// and whether each was opened — the unopened ones first in the reader's eye
// with a badge, so that a letter is not missed (seed 000, art. 6).
import { getFormatter, getTranslations } from "next-intl/server";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import type { InboxDocument } from "@/server/applicant-documents/list-applicant-documents";
import { DOCUMENT_DATE, documentTypeLabel, lastDayBefore } from "../document-labels";


export async function DocumentList({ documents, locale }: { documents: InboxDocument[]; locale: Locale }) {
  const t = await getTranslations("documents");
  const format = await getFormatter();
  if (documents.length === 0) return <p>{t("empty")}</p>;
  const unread = documents.filter((d) => d.state === "AVAILABLE").length;
  return (
    <>
      <p className="fr-text--bold">{t("unreadCount", { count: unread })}</p>
      <ul className="epns-plain-list">
        {documents.map((document) => (
          <li key={document.id} className="fr-card fr-card--horizontal fr-mb-3w fr-p-3w">
            <h3 className="fr-h5 fr-mb-1w">{documentTypeLabel(t, document.type)}</h3>
            <p className="fr-mb-1w">
              {document.state === "AVAILABLE" ? (
                <span className="fr-badge fr-badge--new fr-badge--sm">{t("badgeUnopened")}</span>
              ) : document.state === "OPENED" ? (
                <span className="fr-badge fr-badge--success fr-badge--sm">{t("badgeOpened")}</span>
              ) : (
                <span className="fr-badge fr-badge--warning fr-badge--sm">{t("badgeDeemed")}</span>
              )}
            </p>
            <p className="fr-text--sm fr-mb-1v">{t("availableOn", { date: format.dateTime(document.availableAt, DOCUMENT_DATE) })}</p>
            <p className="fr-text--sm fr-mb-1v">
              {document.state === "AVAILABLE"
                ? t("openBefore", { date: format.dateTime(lastDayBefore(document.deadlineAt), DOCUMENT_DATE) })
                : document.state === "OPENED"
                  ? t("openedOn", { date: format.dateTime(document.firstOpenedAt!, DOCUMENT_DATE) })
                  : t("deemedOn", { date: format.dateTime(lastDayBefore(document.deadlineAt), DOCUMENT_DATE) })}
            </p>
            <p className="fr-text--xs fr-mb-1w" dir="ltr">{t("reference", { reference: document.reference })}</p>
            <p className="fr-mb-0">
              <a className="fr-link" href={localePath(locale, `/documents/${document.id}`)}>{t("open")}</a>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
