import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ApplicantSearchForm } from "@/features/staff-applicants/components/applicant-search-form";
import { StaffBar } from "@/features/staff-space/components/staff-bar";
import { requireStaffPage } from "@/features/staff-space/require-staff-page";
import { StaffViewLinks } from "@/features/staff-views/components/staff-view-links";
import type { Locale } from "@/i18n/routing";
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
  return (
    <>
      <StaffBar staff={staff} locale={locale} />
      <div className="fr-container fr-my-6w">
        <div className="fr-grid-row">
          <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
            <h1>{t("homeTitle")}</h1>
            {abilities["applicant.search"] ? (
              <>
                <p>{t("searchIntro")}</p>
                <ApplicantSearchForm />
              </>
            ) : null}
            <StaffViewLinks locale={locale} abilities={abilities} />
            {!abilities["applicant.search"] && !abilities["applicant.list"] && !abilities["decision.lookup"] ? <p>{t("nothingForRole")}</p> : null}
          </div>
        </div>
      </div>
    </>
  );
}
