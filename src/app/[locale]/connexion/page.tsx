import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SignInForm } from "@/features/applicant-auth/components/sign-in-form";
import { NarrowPage } from "@/features/layout/components/narrow-page";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";

export default async function SignInPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("signIn");
  return (
    <NarrowPage title={t("title")} intro={t("intro")}>
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
    </NarrowPage>
  );
}
