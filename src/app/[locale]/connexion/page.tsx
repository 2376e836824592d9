import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SignInForm } from "@/features/applicant-auth/components/sign-in-form";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";

export default async function SignInPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("signIn");
  return (
    <div className="fr-container fr-my-6w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>{t("title")}</h1>
          <p>{t("intro")}</p>
          <SignInForm />
          <p className="fr-mt-4w">
            {t("notActivated")}{" "}
            <a className="fr-link" href={localePath(locale, "/activation")}>
              {t("activateLink")}
            </a>
          </p>
          <CallOut title={t("sharedPhoneTitle")} titleAs="h2">
            {t("sharedPhoneBody")}
          </CallOut>
        </div>
      </div>
    </div>
  );
}
