import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActivationForm } from "@/features/applicant-auth/components/activation-form";
import { NarrowPage } from "@/features/layout/components/narrow-page";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";

export default async function ActivationPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("activation");
  return (
    <NarrowPage title={t("title")} intro={t("intro")}>
      <ActivationForm />
      <p className="fr-mt-4w">
        {t("alreadyActive")}{" "}
        <a className="fr-link" href={localePath(locale, "/connexion")}>
          {t("signInLink")}
        </a>
      </p>
    </NarrowPage>
  );
}
