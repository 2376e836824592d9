import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";

export default async function HomePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("home");
  const steps = [1, 2, 3] as const;
  return (
    <div className="fr-container fr-my-6w">
      <h1>{t("title")}</h1>
      <p className="fr-text--lead">{t("lead")}</p>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <a className="fr-btn" href={localePath(locale, "/activation")}>
            {t("activateCta")}
          </a>
        </li>
        <li>
          <a className="fr-btn fr-btn--secondary" href={localePath(locale, "/connexion")}>
            {t("signInCta")}
          </a>
        </li>
      </ul>
      <Alert className="fr-my-4w" severity="warning" title={t("warningTitle")} description={t("warningBody")} as="h2" />
      <h2>{t("stepsTitle")}</h2>
      <div className="fr-grid-row fr-grid-row--gutters">
        {steps.map((step) => (
          <section key={step} className="fr-col-12 fr-col-md-4">
            <h3 className="fr-h5">{t(`step${step}Title`)}</h3>
            <p>{t(`step${step}Body`)}</p>
          </section>
        ))}
      </div>
      <section className="fr-mt-4w">
        <h2 className="fr-h4">{t("proofTitle")}</h2>
        <p>{t("proofBody")}</p>
      </section>
      <section className="fr-mt-4w">
        <h2 className="fr-h4">{t("helpTitle")}</h2>
        <p>{t("helpBody")}</p>
      </section>
    </div>
  );
}
