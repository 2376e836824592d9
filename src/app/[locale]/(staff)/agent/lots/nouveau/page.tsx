import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NotFoundContent } from "@/features/layout/components/not-found-content";
import { BatchUploadForm } from "@/features/staff-batches/components/batch-upload-form";
import { StaffBar } from "@/features/staff-space/components/staff-bar";
import { requireStaffPage } from "@/features/staff-space/require-staff-page";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import { MANIFEST_MAX_ROWS } from "@/lib/batch-manifest";
import { batchArchiveLimits } from "@/server/document-batches/read-batch-archive";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "batches" });
  return { title: t("newTitle"), robots: { index: false } };
}

const EXAMPLE = "numero;type;fichier\n0123456789;CONVOCATION;convocation-0123456789.pdf\n26-00012345;DECISION;decision-26-00012345.pdf";

/** Upload of a batch (issue #6, point 3): the format, then the archive. */
export default async function NewBatchPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaffPage(locale, "document.batch");
  if (staff === "not-found") return <NotFoundContent locale={locale} />;
  const t = await getTranslations("batches");
  return (
    <>
      <StaffBar staff={staff} locale={locale} />
      <div className="fr-container fr-my-6w">
        <p>
          <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={localePath(locale, "/agent/lots")}>{t("backToList")}</a>
        </p>
        <h1>{t("newTitle")}</h1>
        <p>{t("newIntro")}</p>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <BatchUploadForm maxMegabytes={Math.floor(batchArchiveLimits().archiveBytes / (1024 * 1024))} maxRows={MANIFEST_MAX_ROWS} />
          </div>
          <section className="fr-col-12 fr-col-md-6" aria-labelledby="format-title">
            <h2 id="format-title" className="fr-h5">{t("formatTitle")}</h2>
            <p>{t("formatEncoding")}</p>
            <ul>
              <li>{t("formatNumber")}</li>
              <li>{t("formatType")}</li>
              <li>{t("formatFile")}</li>
              <li>{t("formatKey")}</li>
            </ul>
            <p className="fr-mb-1w">{t("formatExample")}</p>
            <pre dir="ltr" className="fr-text--sm">{EXAMPLE}</pre>
          </section>
        </div>
      </div>
    </>
  );
}
