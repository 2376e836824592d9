// What sits between the DSFR header and the footer on every page: the bar of
// the page's area, then the main content (the skip link's target). Applicant
// and public pages get the applicant's bar (sign-in and activation, or the
// space, the account and sign-out); staff pages get the language switcher only
// — never the applicant's links — and their own StaffBar inside the page.
import type { ReactNode } from "react";
import type { Locale } from "@/i18n/routing";
import { LanguageSwitcher } from "./language-switcher";
import { ServiceBar } from "./service-bar";

export function PageFrame({ locale, area, children }: { locale: Locale; area: "applicant" | "staff"; children: ReactNode }) {
  return (
    <>
      {area === "applicant" ? (
        <ServiceBar locale={locale} />
      ) : (
        <div className="fr-container epns-service-bar epns-service-bar--staff">
          <LanguageSwitcher />
        </div>
      )}
      <main id="content" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
