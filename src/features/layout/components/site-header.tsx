import { Header } from "@codegouvfr/react-dsfr/Header";
import { getTranslations } from "next-intl/server";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";

export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations("layout");
  return (
    <Header
      brandTop={
        <>
          République
          <br />
          Française
        </>
      }
      // The display-settings modal needs JavaScript and speaks French only.
      disableDisplay
      serviceTitle={t("serviceTitle")}
      serviceTagline={t("serviceTagline")}
      homeLinkProps={{ href: localePath(locale, "/"), title: t("homeLinkTitle") }}
      quickAccessItems={[
        { iconId: "fr-icon-lock-line", text: t("activate"), linkProps: { href: localePath(locale, "/activation") } },
        { iconId: "fr-icon-account-circle-line", text: t("signIn"), linkProps: { href: localePath(locale, "/connexion") } },
      ]}
    />
  );
}
