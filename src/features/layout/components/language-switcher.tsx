"use client";
// Plain links, one per language, each written in its own language, to the same
// page in that language. Rendered on the server too, so it works without
// JavaScript and on every screen width (the DSFR header hides its quick-access
// items behind a menu button on phones).
import { useLocale, useTranslations } from "next-intl";
import { usePathname } from "@/i18n/navigation";
import { localePath } from "@/i18n/paths";
import { LOCALE_NAMES, LOCALES } from "@/i18n/routing";

export function LanguageSwitcher() {
  const t = useTranslations("layout");
  const locale = useLocale();
  const pathname = usePathname() as `/${string}`;
  return (
    <nav aria-label={t("languageNavLabel")} className="epns-bar-nav">
      <span className="fr-text--sm fr-mb-0" aria-hidden="true">
        {t("languageLabel")}
      </span>
      <ul className="epns-inline-list">
        {LOCALES.map((other) => (
          <li key={other}>
            <a
              className="fr-link fr-link--sm"
              href={localePath(other, pathname)}
              hrefLang={other}
              lang={other}
              dir={other === "ar" ? "rtl" : "ltr"}
              aria-current={other === locale ? "true" : undefined}
            >
              {LOCALE_NAMES[other]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
