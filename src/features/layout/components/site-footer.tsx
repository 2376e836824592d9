import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { getTranslations } from "next-intl/server";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";

export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations("layout");
  return (
    <Footer
      id="footer"
      brandTop={
        <>
          République
          <br />
          Française
        </>
      }
      homeLinkProps={{ href: localePath(locale, "/"), title: t("homeLinkTitle") }}
      // No accessibility audit has been made yet: the legal status is "non conforme" (RGAA).
      accessibility="non compliant"
      contentDescription={t("footerDescription")}
      // Information on the processing and the cookies page (issue #7, point 3; seed 003).
      bottomItems={[
        { text: t("footerPersonalData"), linkProps: { href: localePath(locale, "/donnees-personnelles") } },
        { text: t("footerCookies"), linkProps: { href: localePath(locale, "/cookies") } },
      ]}
    />
  );
}
