import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NotFoundContent } from "@/features/layout/components/not-found-content";
import { StaffBar } from "@/features/staff-space/components/staff-bar";
import { requireStaffPage } from "@/features/staff-space/require-staff-page";
import { DecisionLookupForm } from "@/features/staff-views/components/decision-lookup-form";
import type { Locale } from "@/i18n/routing";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staffViews" });
  return { title: t("cndaTitle"), robots: { index: false } };
}

/** CNDA staff: a decision's notification dates, one applicant number at a time (issue #6, point 7). No browsing. */
export default async function CndaLookupPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaffPage(locale, "decision.lookup");
  if (staff === "not-found") return <NotFoundContent locale={locale} />;
  const t = await getTranslations("staffViews");
  return (
    <>
      <StaffBar staff={staff} locale={locale} />
      <div className="fr-container fr-my-6w">
        <div className="fr-grid-row">
          <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
            <h1>{t("cndaTitle")}</h1>
            <p>{t("cndaIntro")}</p>
            <DecisionLookupForm />
          </div>
        </div>
      </div>
    </>
  );
}
