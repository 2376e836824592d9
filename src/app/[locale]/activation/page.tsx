import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActivationForm } from "@/features/applicant-auth/components/activation-form";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";

export default async function ActivationPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("activation");
  return (
    <div className="fr-container fr-my-6w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>{t("title")}</h1>
          <p>{t("intro")}</p>
          <ActivationForm />
          <p className="fr-mt-4w">
            {t("alreadyActive")}{" "}
            <a className="fr-link" href={localePath(locale, "/connexion")}>
              {t("signInLink")}
            </a>
          </p>
        </div>
      </div>
    </div>
  );
}
