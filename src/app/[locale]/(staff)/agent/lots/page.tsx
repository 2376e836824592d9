import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { FormSuccessAlert } from "@/features/forms/components/form-success-alert";
import { NotFoundContent } from "@/features/layout/components/not-found-content";
import { batchStatusLabel } from "@/features/staff-batches/batch-labels";
import { StaffBar } from "@/features/staff-space/components/staff-bar";
import { requireStaffPage } from "@/features/staff-space/require-staff-page";
import { STAFF_DATE_TIME } from "@/features/staff-space/staff-labels";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import { listDocumentBatches } from "@/server/document-batches/list-document-batches";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "batches" });
  return { title: t("listTitle"), robots: { index: false } };
}

/** The document batches OFPRA agents follow (issue #6, point 3). */
export default async function BatchListPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaffPage(locale, "document.batch");
  if (staff === "not-found") return <NotFoundContent locale={locale} />;
  const batches = await listDocumentBatches(staff);
  const discarded = (await searchParams).abandon === "1";
  const t = await getTranslations("batches");
  const format = await getFormatter();
  return (
    <>
      <StaffBar staff={staff} locale={locale} />
      <div className="fr-container fr-my-6w">
        <h1>{t("listTitle")}</h1>
        {discarded ? <FormSuccessAlert title={t("discarded")} /> : null}
        <p>{t("listIntro")}</p>
        <p>
          <a className="fr-btn fr-icon-upload-line fr-btn--icon-left" href={localePath(locale, "/agent/lots/nouveau")}>{t("newBatchLink")}</a>
        </p>
        {batches.length === 0 ? (
          <p>{t("listEmpty")}</p>
        ) : (
          <div className="fr-table fr-table--no-caption-scroll">
            <table>
              <caption>{t("listCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("colArchive")}</th>
                  <th scope="col">{t("colCreatedAt")}</th>
                  <th scope="col">{t("colRows")}</th>
                  <th scope="col">{t("colStatus")}</th>
                </tr>
              </thead>
              <tbody>
                {batches.map((batch) => (
                  <tr key={batch.id}>
                    <th scope="row">
                      <a className="fr-link" href={localePath(locale, `/agent/lots/${batch.id}`)} dir="auto">{batch.archiveName}</a>
                    </th>
                    <td>{format.dateTime(batch.createdAt, STAFF_DATE_TIME)}</td>
                    <td>{batch.rows}</td>
                    <td>{batchStatusLabel(t, batch.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </>
  );
}
