import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SignInForm } from "@/features/applicant-auth/components/sign-in-form";
import { InfoNotice } from "@/features/layout/components/info-notice";
import { NarrowPage } from "@/features/layout/components/narrow-page";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("signIn");
  const query = await searchParams;
  const notice = query.deconnecte ? t("signedOut") : query.expire ? t("sessionExpired") : query.nouveau ? t("passwordChanged") : null;
  return (
    <NarrowPage title={t("title")} intro={t("intro")}>
      <InfoNotice text={notice} />
      <SignInForm />
      <p className="fr-mt-4w">
        <a className="fr-link" href={localePath(locale, "/recuperation")}>
          {t("forgotLink")}
        </a>
      </p>
      <p>
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
