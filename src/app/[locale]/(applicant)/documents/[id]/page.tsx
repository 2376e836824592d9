import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { openDocumentAction } from "@/features/applicant-documents/actions";
import { DOCUMENT_DATE, documentTypeLabel, lastDayBefore } from "@/features/applicant-documents/document-labels";
import { requireApplicantPage } from "@/features/applicant-space/require-applicant";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import { ReceiptList } from "@/features/applicant-documents/components/receipt-list";
import { getApplicantDocument } from "@/server/applicant-documents/get-applicant-document";
import { listDocumentReceipts } from "@/server/applicant-documents/list-document-receipts";

type Props = { params: Promise<{ locale: Locale; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "space" }))("documentsTitle"), robots: { index: false } };
}

/** seed 000, art. 6: before the first opening the applicant is told that opening dates the notification, and confirms. */
export default async function DocumentPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const current = await requireApplicantPage(locale);
  const t = await getTranslations("documents");
  const format = await getFormatter();
  const document = await getApplicantDocument(current, id);
  const back = (
    <p className="fr-mt-4w">
      <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={localePath(locale, "/espace")}>{t("backToSpace")}</a>
    </p>
  );
  if (!document) {
    return (
      <div className="fr-container fr-my-6w">
        <h1>{t("notFound")}</h1>
        {back}
      </div>
    );
  }
  const typeLabel = documentTypeLabel(t, document.type);
  const receipts = await listDocumentReceipts(current, document.id);
  const lastDay = format.dateTime(lastDayBefore(document.deadlineAt), DOCUMENT_DATE);
  return (
    <div className="fr-container fr-my-6w">
      <h1>{typeLabel}</h1>
      <p>{t("availableOn", { date: format.dateTime(document.availableAt, DOCUMENT_DATE) })}</p>
      <p className="fr-text--sm" dir="ltr">{t("reference", { reference: document.reference })}</p>
      {document.state === "AVAILABLE" ? (
        <div className="fr-alert fr-alert--warning fr-mb-4w">
          <h2 className="fr-alert__title">{t("openWarningTitle")}</h2>
          <p>{t("openWarningBody")}</p>
          <p>{t("openWarningDeadline", { date: lastDay })}</p>
          <form action={openDocumentAction} className="fr-mt-2w">
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="documentId" value={document.id} />
            <button type="submit" className="fr-btn">{t("openConfirm")}</button>
          </form>
        </div>
      ) : (
        <>
          <p>
            {document.state === "OPENED"
              ? t("openedOn", { date: format.dateTime(document.firstOpenedAt!, DOCUMENT_DATE) })
              : t("deemedOn", { date: lastDay })}
          </p>
          <a className="fr-btn fr-icon-file-pdf-line fr-btn--icon-left" href={localePath(locale, `/documents/${document.id}/fichier`)}>{t("download")}</a>
        </>
      )}
      <ReceiptList receipts={receipts} documentId={document.id} locale={locale} />
      {back}
    </div>
  );
}
