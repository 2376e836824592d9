// A bar under the DSFR header, visible on every screen width and working
// without JavaScript: the account entry points (or, signed in, the space,
// the account and logout) and the language switcher.
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/features/applicant-auth/actions";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import { currentApplicant } from "@/server/auth/current-applicant";
import { LanguageSwitcher } from "./language-switcher";

export async function ServiceBar({ locale }: { locale: Locale }) {
  const t = await getTranslations("layout");
  const signedIn = Boolean(await currentApplicant());
  return (
    <div className="fr-container epns-service-bar">
      <nav aria-label={t("accountNavLabel")} className="epns-bar-nav">
        {signedIn ? (
          <ul className="epns-inline-list">
            <li>
              <a className="fr-link fr-link--sm fr-icon-home-4-line fr-link--icon-left" href={localePath(locale, "/espace")}>{t("mySpace")}</a>
            </li>
            <li>
              <a className="fr-link fr-link--sm fr-icon-account-circle-line fr-link--icon-left" href={localePath(locale, "/compte")}>{t("myAccount")}</a>
            </li>
            <li>
              <form action={signOutAction}>
                <input type="hidden" name="locale" value={locale} />
                <button type="submit" className="fr-link fr-link--sm fr-icon-logout-box-r-line fr-link--icon-left">{t("signOut")}</button>
              </form>
            </li>
          </ul>
        ) : (
          <ul className="epns-inline-list">
            <li>
              <a className="fr-link fr-link--sm fr-icon-lock-line fr-link--icon-left" href={localePath(locale, "/activation")}>{t("activate")}</a>
            </li>
            <li>
              <a className="fr-link fr-link--sm fr-icon-account-circle-line fr-link--icon-left" href={localePath(locale, "/connexion")}>{t("signIn")}</a>
            </li>
          </ul>
        )}
      </nav>
      <LanguageSwitcher />
    </div>
  );
}
