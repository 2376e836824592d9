import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/features/applicant-account/components/change-password-form";
import { ConnectionHistory } from "@/features/applicant-account/components/connection-history";
import { ContactSection } from "@/features/applicant-account/components/contact-section";
import { LanguageForm } from "@/features/applicant-account/components/language-form";
import { LogOutEverywhereForm } from "@/features/applicant-account/components/log-out-everywhere-form";
import { StatusNotice } from "@/features/applicant-account/components/status-notice";
import { requireApplicantPage } from "@/features/applicant-space/require-applicant";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import { getAccountOverview } from "@/server/applicant-account-settings/get-account-overview";

// The applicant's account (issue #4, point 7): identifiers, e-mail and mobile
// (each confirmed by a code), password, language, connection history.

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "account" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function AccountPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const current = await requireApplicantPage(locale);
  const t = await getTranslations("account");
  const tr = await getTranslations("rights");
  const [overview, query] = await Promise.all([getAccountOverview(current), searchParams]);
  if (!overview) redirect(localePath(locale, "/connexion?expire=1"));
  // Set by the actions after a change that reshapes the page (see actions.ts).
  const contactNotice =
    query.confirme === "email" ? t("emailConfirmed")
    : query.confirme === "telephone" ? t("phoneConfirmed")
    : query.supprime === "email" ? t("emailRemoved")
    : query.supprime === "telephone" ? t("phoneRemoved")
    : null;
  return (
    <div className="fr-container fr-my-6w">
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
          <h1>{t("title")}</h1>
          <p>{t("intro")}</p>
          {/* Seed 000, art. 10: access to every datum, its download, and the other rights (issue #7, point 3). */}
          <p>
            <a className="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={localePath(locale, "/compte/mes-donnees")}>{tr("accountEntryLink")}</a>
          </p>
          <nav className="fr-summary fr-mb-6w" aria-labelledby="account-summary-title">
            <p className="fr-summary__title" id="account-summary-title">{t("summaryTitle")}</p>
            <ol>
              <li><a className="fr-summary__link" href="#identifiers">{t("identifiersTitle")}</a></li>
              <li><a className="fr-summary__link" href="#contacts">{t("contactsTitle")}</a></li>
              <li><a className="fr-summary__link" href="#password">{t("passwordTitle")}</a></li>
              <li><a className="fr-summary__link" href="#language">{t("languageTitle")}</a></li>
              <li><a className="fr-summary__link" href="#history">{t("historyTitle")}</a></li>
            </ol>
          </nav>

          <section id="identifiers" aria-labelledby="identifiers-title" className="fr-mb-6w">
            <h2 id="identifiers-title">{t("identifiersTitle")}</h2>
            <p className="fr-mb-1w">
              {t("agdrefNumber")} <strong dir="ltr">{overview.agdrefNumber}</strong>
            </p>
            <p>
              {t("ofpraNumber")} {overview.ofpraNumber ? <strong dir="ltr">{overview.ofpraNumber}</strong> : t("ofpraNumberNone")}
            </p>
          </section>

          <section id="contacts" aria-labelledby="contacts-title" className="fr-mb-6w">
            <h2 id="contacts-title">{t("contactsTitle")}</h2>
            {contactNotice ? <StatusNotice text={contactNotice} /> : null}
            <p>{t("contactsIntro")}</p>
            <ContactSection kind="email" value={overview.email} pending={overview.pendingEmail} />
            <ContactSection kind="phone" value={overview.phone} pending={overview.pendingPhone} />
          </section>

          <section id="password" aria-labelledby="password-title" className="fr-mb-6w">
            <h2 id="password-title">{t("passwordTitle")}</h2>
            <ChangePasswordForm />
          </section>

          <section id="language" aria-labelledby="language-title" className="fr-mb-6w">
            <h2 id="language-title">{t("languageTitle")}</h2>
            {query.langue ? <StatusNotice text={t("languageChanged")} /> : null}
            <LanguageForm language={overview.language} />
          </section>

          <section id="history" aria-labelledby="history-title" className="fr-mb-6w">
            <h2 id="history-title">{t("historyTitle")}</h2>
            <p>{t("historyIntro")}</p>
            <ConnectionHistory history={overview.history} />
            <LogOutEverywhereForm />
          </section>
        </div>
      </div>
    </div>
  );
}
