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
      // The display-settings modal needs JavaScript and speaks French only. No quick
      // access items either: on phones the DSFR hides them behind a menu button
      // that needs JavaScript; the service bar below the header carries them.
      disableDisplay
      serviceTitle={t("serviceTitle")}
      serviceTagline={t("serviceTagline")}
      homeLinkProps={{ href: localePath(locale, "/"), title: t("homeLinkTitle") }}
    />
  );
}
