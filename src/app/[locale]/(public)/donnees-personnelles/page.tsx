import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PrivacyInformation } from "@/features/privacy/components/privacy-information";
import type { Locale } from "@/i18n/routing";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const site = (await getTranslations({ locale, namespace: "metadata" }))("title");
  return { title: `${(await getTranslations({ locale, namespace: "privacy" }))("title")} – ${site}` };
}

/** Information on the processing of personal data, in every UI language (issue #7, point 3; seed 002). Public. */
export default async function PersonalDataPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("privacy");
  return (
    <div className="fr-container fr-my-6w">
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
          <h1>{t("title")}</h1>
          <p>{t("intro")}</p>
          <PrivacyInformation locale={locale} />
        </div>
      </div>
    </div>
  );
}
