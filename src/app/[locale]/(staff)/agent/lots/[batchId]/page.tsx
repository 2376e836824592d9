import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { NotFoundContent } from "@/features/layout/components/not-found-content";
import { batchStatusLabel, countLabel } from "@/features/staff-batches/batch-labels";
import { AutoRefresh } from "@/features/staff-batches/components/auto-refresh";
import { ConfirmBatchForm, DiscardBatchForm } from "@/features/staff-batches/components/batch-decision-forms";
import { BatchRowsTable } from "@/features/staff-batches/components/batch-rows-table";
import { StaffBar } from "@/features/staff-space/components/staff-bar";
import { requireStaffPage } from "@/features/staff-space/require-staff-page";
import { STAFF_DATE_TIME } from "@/features/staff-space/staff-labels";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import { getDocumentBatch, type BatchRowOutcome, type BatchView } from "@/server/document-batches/get-document-batch";
import { isAppError } from "@/server/errors";
import { requestContext } from "@/server/http/request-context";

type Props = { params: Promise<{ locale: Locale; batchId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "batches" });
  return { title: t("batchTitle"), robots: { index: false } };
}

const DRAFT_COUNTS: BatchRowOutcome[] = ["READY", "INVALID", "DUPLICATE"];
const RUN_COUNTS: BatchRowOutcome[] = ["READY", "PUBLISHING", "PUBLISHED", "FAILED", "DUPLICATE", "INVALID"];

/** One batch: its check before confirmation, then its progress and each row's result (issue #6, point 3). */
export default async function BatchPage({ params }: Props) {
  const { locale, batchId } = await params;
  setRequestLocale(locale);
  const staff = await requireStaffPage(locale, "document.batch");
  if (staff === "not-found") return <NotFoundContent locale={locale} />;
  let batch: BatchView;
  try {
    batch = await getDocumentBatch(staff, batchId, await requestContext());
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) return <NotFoundContent locale={locale} />;
    throw error;
  }
  const t = await getTranslations("batches");
  const format = await getFormatter();
  const when = (date: Date | null) => (date ? format.dateTime(date, STAFF_DATE_TIME) : "—");
  const running = batch.status === "QUEUED";
  const shown = (batch.status === "DRAFT" ? DRAFT_COUNTS : RUN_COUNTS).filter((o) => batch.status === "DRAFT" || batch.counts[o] > 0 || o === "PUBLISHED");
  return (
    <>
      <StaffBar staff={staff} locale={locale} />
      {running ? <AutoRefresh /> : null}
      <div className="fr-container fr-my-6w">
        <p>
          <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={localePath(locale, "/agent/lots")}>{t("backToList")}</a>
        </p>
        <h1>{t("batchTitle")}</h1>
        <dl className="epns-facts fr-mb-4w">
          <dt>{t("factArchive")}</dt>
          <dd dir="auto">{batch.archiveName}</dd>
          <dt>{t("factCreatedAt")}</dt>
          <dd>{when(batch.createdAt)}</dd>
          <dt>{t("factStatus")}</dt>
          <dd>{batchStatusLabel(t, batch.status)}</dd>
          {batch.confirmedAt ? (
            <>
              <dt>{t("factConfirmedAt")}</dt>
              <dd>{when(batch.confirmedAt)}</dd>
            </>
          ) : null}
          {batch.finishedAt ? (
            <>
              <dt>{t("factFinishedAt")}</dt>
              <dd>{when(batch.finishedAt)}</dd>
            </>
          ) : null}
        </dl>
        <section aria-labelledby="summary-title" className="fr-mb-4w">
          <h2 id="summary-title">{t("summaryTitle")}</h2>
          {batch.status === "DRAFT" ? (
            <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w"><p>{t("draftNotice")}</p></div>
          ) : running ? (
            <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w">
              <p>{t("runningNotice")}</p>
              <p><a className="fr-link" href={localePath(locale, `/agent/lots/${batch.id}`)}>{t("refreshLink")}</a></p>
            </div>
          ) : (
            <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-2w"><p>{t("doneNotice")}</p></div>
          )}
          {/* A live region: with JavaScript, the counts are announced as they change. */}
          <div role="status">
            <dl className="epns-facts">
              {shown.map((outcome) => (
                <div key={outcome} data-outcome={outcome}>
                  <dt>{countLabel(t, outcome)}</dt>
                  <dd>{batch.counts[outcome]}</dd>
                </div>
              ))}
            </dl>
          </div>
        </section>
        {batch.status === "DRAFT" && batch.mine ? (
          <section aria-labelledby="confirm-title" className="fr-mb-6w">
            <h2 id="confirm-title">{t("confirmTitle")}</h2>
            {batch.counts.READY > 0 ? <ConfirmBatchForm batchId={batch.id} ready={batch.counts.READY} /> : <p>{t("nothingToPublish")}</p>}
            <DiscardBatchForm batchId={batch.id} />
          </section>
        ) : null}
        <section aria-labelledby="rows-title">
          <h2 id="rows-title">{t("rowsTitle")}</h2>
          <BatchRowsTable rows={batch.rows} />
        </section>
      </div>
    </>
  );
}
