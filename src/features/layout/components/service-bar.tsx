// A bar under the DSFR header, visible on every screen width and working
// without JavaScript: the account entry points and the language switcher.
import { getTranslations } from "next-intl/server";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import { LanguageSwitcher } from "./language-switcher";

export async function ServiceBar({ locale }: { locale: Locale }) {
  const t = await getTranslations("layout");
  return (
    <div className="fr-container epns-service-bar">
      <nav aria-label={t("accountNavLabel")} className="epns-bar-nav">
        <ul className="epns-inline-list">
          <li>
            <a className="fr-link fr-link--sm fr-icon-lock-line fr-link--icon-left" href={localePath(locale, "/activation")}>
              {t("activate")}
            </a>
          </li>
          <li>
            <a className="fr-link fr-link--sm fr-icon-account-circle-line fr-link--icon-left" href={localePath(locale, "/connexion")}>
              {t("signIn")}
            </a>
          </li>
        </ul>
      </nav>
      <LanguageSwitcher />
    </div>
  );
}
