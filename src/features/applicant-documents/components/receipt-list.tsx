// The receipts of a document (issue #5, point 8; seed 000, art. 6): each with
// its legal date and its files — the sealed PDF, the RFC 3161 token and, for a
// réception, the statement the token covers. Plain links: works without JS.
import { getFormatter, getTranslations } from "next-intl/server";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import type { DocumentReceipt } from "@/server/applicant-documents/list-document-receipts";
import { receiptFilePath } from "@/server/applicant-documents/read-receipt-file";
import { DOCUMENT_DATE, lastDayBefore } from "../document-labels";

const TIME = { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Europe/Paris" } as const;

export async function ReceiptList({ receipts, documentId, locale }: { receipts: DocumentReceipt[]; documentId: string; locale: Locale }) {
  const t = await getTranslations("documents");
  const format = await getFormatter();
  const href = (receipt: DocumentReceipt, kind: "pdf" | "tsr" | "txt") => localePath(locale, `/documents/${documentId}/accuses/${receiptFilePath(receipt.kind, kind)}`);
  return (
    <section className="fr-mt-6w" aria-labelledby="receipts-title">
      <h2 id="receipts-title" className="fr-h4">{t("receiptsTitle")}</h2>
      <p>{t("receiptsIntro")}</p>
      <ul className="epns-plain-list">
        {receipts.map((receipt) => {
          // A deemed réception is dated at the deadline, 24:00 of the last day (seed 000, art. 6).
          const deemed = receipt.basis === "DEEMED";
          const date = format.dateTime(deemed ? lastDayBefore(receipt.eventAt) : receipt.eventAt, DOCUMENT_DATE);
          const time = deemed ? "24:00" : format.dateTime(receipt.eventAt, TIME);
          return (
            <li key={receipt.kind} className="fr-card fr-mb-2w fr-p-3w">
              <h3 className="fr-h6 fr-mb-1w">{receipt.kind === "AVAILABILITY" ? t("receiptAVAILABILITY") : deemed ? t("receiptDEEMED") : t("receiptOPENED")}</h3>
              <p className="fr-mb-1w">{t("receiptEventAt", { date, time })}</p>
              {receipt.pdfReady ? (
                <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-mb-0">
                  <li><a className="fr-btn fr-btn--sm fr-icon-download-line fr-btn--icon-left" href={href(receipt, "pdf")} download>{t("receiptPdf")}</a></li>
                  <li><a className="fr-btn fr-btn--sm fr-btn--secondary" href={href(receipt, "tsr")} download>{t("receiptTsr")}</a></li>
                  {receipt.kind === "RECEPTION" ? <li><a className="fr-btn fr-btn--sm fr-btn--secondary" href={href(receipt, "txt")} download>{t("receiptTxt")}</a></li> : null}
                </ul>
              ) : (
                <p className="fr-text--sm fr-mb-0">{t("receiptPreparing")}</p>
              )}
            </li>
          );
        })}
      </ul>
      <p className="fr-text--sm"><a className="fr-link" href={localePath(locale, "/verifier")}>{t("receiptVerify")}</a></p>
    </section>
  );
}
