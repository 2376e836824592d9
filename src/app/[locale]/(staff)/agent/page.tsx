import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ApplicantSearchForm } from "@/features/staff-applicants/components/applicant-search-form";
import { StaffBar } from "@/features/staff-space/components/staff-bar";
import { AdminLinks } from "@/features/staff-admin/components/admin-links";
import { SignOutEverywhereForm } from "@/features/staff-auth/components/sign-out-everywhere-form";
import { requireStaffPage } from "@/features/staff-space/require-staff-page";
import { StaffViewLinks } from "@/features/staff-views/components/staff-view-links";
import type { Locale } from "@/i18n/routing";
import { localePath } from "@/i18n/paths";
import { abilitiesOf } from "@/server/authz/permissions";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "agent" });
  return { title: t("homeTitle"), robots: { index: false } };
}

export default async function AgentHomePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaffPage(locale);
  if (staff === "not-found") return null;
  const abilities = abilitiesOf(staff.role);
  const t = await getTranslations("agent");
  const tb = await getTranslations("batches");
  const tf = await getTranslations("agentFile");
  const tr = await getTranslations("staffRights");
  return (
    <>
      <StaffBar staff={staff} locale={locale} />
      <div className="fr-container fr-my-6w">
        <div className="fr-grid-row">
          <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
            <h1>{t("homeTitle")}</h1>
            {abilities["applicant.register"] ? (
              <p>
                <a className="fr-link fr-icon-user-add-line fr-link--icon-left" href={localePath(locale, "/agent/demandeurs/nouveau")}>{tf("registerLink")}</a>
              </p>
            ) : null}
            {abilities["applicant.search"] ? (
              <>
                <p>{t("searchIntro")}</p>
                <ApplicantSearchForm />
              </>
            ) : null}
            {abilities["document.batch"] ? (
              <section className="fr-mt-6w" aria-labelledby="batches-title">
                <h2 id="batches-title" className="fr-h4">
                  <a className="fr-link fr-link--lg" href={localePath(locale, "/agent/lots")}>{tb("homeLink")}</a>
                </h2>
                <p>{tb("homeIntro")}</p>
              </section>
            ) : null}
            {abilities["rightsRequest.handle"] ? (
              <section aria-labelledby="rights-requests-title" className="fr-mt-6w">
                <h2 id="rights-requests-title">{tr("homeLink")}</h2>
                <p>{tr("homeIntro")}</p>
                <p>
                  <a className="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={localePath(locale, "/agent/demandes-droits")}>{tr("homeLink")}</a>
                </p>
              </section>
            ) : null}
            <StaffViewLinks locale={locale} abilities={abilities} />
            <AdminLinks locale={locale} abilities={abilities} />
            {Object.values(abilities).some(Boolean) ? null : <p>{t("nothingForRole")}</p>}
            <SignOutEverywhereForm locale={locale} />
          </div>
        </div>
      </div>
    </>
  );
}
