import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NotFoundContent } from "@/features/layout/components/not-found-content";
import { RegisterApplicantForm } from "@/features/staff-registration/components/register-applicant-form";
import { StaffBar } from "@/features/staff-space/components/staff-bar";
import { requireStaffPage } from "@/features/staff-space/require-staff-page";
import type { Locale } from "@/i18n/routing";
import { listRegistrationChoices, type StructureChoice } from "@/server/staff-registration/list-registration-choices";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "agentFile" });
  return { title: t("registerTitle"), robots: { index: false } };
}

const option = (s: StructureChoice) => ({ value: s.id, label: s.department ? `${s.name} (${s.department})` : s.name });

/** Registration of an applicant (issue #6, points 3 and 5; seed 000, art. 2): OFPRA and GUDA agents. */
export default async function RegisterApplicantPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaffPage(locale, "applicant.register");
  if (staff === "not-found") return <NotFoundContent locale={locale} />;
  const choices = await listRegistrationChoices(staff);
  const t = await getTranslations("agentFile");
  return (
    <>
      <StaffBar staff={staff} locale={locale} />
      <div className="fr-container fr-my-6w">
        <div className="fr-grid-row">
          <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
            <h1>{t("registerTitle")}</h1>
            <p>{t("registerIntro")}</p>
            <RegisterApplicantForm
              hostStructures={choices.hostStructures.map(option)}
              guichets={choices.guichets ? choices.guichets.map(option) : null}
              ownGuichet={choices.guichets ? null : staff.structureName}
            />
          </div>
        </div>
      </div>
    </>
  );
}
