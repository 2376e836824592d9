import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { ApplicantDataSections } from "@/features/applicant-rights/components/applicant-data-sections";
import { RightsRequestForm } from "@/features/applicant-rights/components/rights-request-form";
import { requireApplicantPage } from "@/features/applicant-space/require-applicant";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import { collectApplicantData } from "@/server/applicant-rights/collect-applicant-data";

// The applicant's rights (seed 000, art. 10; issue #7, point 3): every datum
// the space holds about them (access), its download as a ZIP, the link to
// correct contact data, and a request for the other rights.

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "rights" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function MyDataPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const current = await requireApplicantPage(locale);
  const t = await getTranslations("rights");
  const [data, query] = await Promise.all([collectApplicantData(current), searchParams]);
  if (!data) redirect(localePath(locale, "/connexion?expire=1"));
  return (
    <div className="fr-container fr-my-6w">
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-10">
          <p>
            <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={localePath(locale, "/compte")}>{t("accountLink")}</a>
          </p>
          <h1>{t("title")}</h1>
          <p>{t("intro")}</p>
          <p>
            <a className="fr-link" href={localePath(locale, "/donnees-personnelles")}>{t("infoLink")}</a>
          </p>
          <nav className="fr-summary fr-mb-6w" aria-labelledby="rights-summary-title">
            <p className="fr-summary__title" id="rights-summary-title">{t("summaryTitle")}</p>
            <ol>
              <li><a className="fr-summary__link" href="#export">{t("exportTitle")}</a></li>
              <li><a className="fr-summary__link" href="#identifiers">{t("identifiersTitle")}</a></li>
              <li><a className="fr-summary__link" href="#documents">{t("documentsTitle")}</a></li>
              <li><a className="fr-summary__link" href="#audit">{t("auditTitle")}</a></li>
              <li><a className="fr-summary__link" href="#rectify">{t("rectifyTitle")}</a></li>
              <li><a className="fr-summary__link" href="#request">{t("requestTitle")}</a></li>
            </ol>
          </nav>

          <section id="export" aria-labelledby="export-title" className="fr-mb-6w">
            <h2 id="export-title">{t("exportTitle")}</h2>
            {query.export === "limite" ? (
              <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w" role="alert">
                <p>{t("exportLimited")}</p>
              </div>
            ) : null}
            <p>{t("exportIntro")}</p>
            <p>{t("exportUnopened")}</p>
            {/* A plain POST form: the route answers with the file (no JavaScript needed). */}
            <form method="post" action={localePath(locale, "/compte/mes-donnees/export")}>
              <button type="submit" className="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left">{t("exportButton")}</button>
            </form>
          </section>

          <ApplicantDataSections data={data} locale={locale} />

          <section id="rectify" aria-labelledby="rectify-title" className="fr-mb-6w">
            <h2 id="rectify-title">{t("rectifyTitle")}</h2>
            <p>{t("rectifyIntro")}</p>
            <p>
              <a className="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={localePath(locale, "/compte#contacts")}>{t("rectifyContacts")}</a>
            </p>
          </section>

          <section id="request" aria-labelledby="request-title" className="fr-mb-6w">
            <h2 id="request-title">{t("requestTitle")}</h2>
            <p>{t("requestIntro")}</p>
            <RightsRequestForm />
          </section>
        </div>
      </div>
    </div>
  );
}
