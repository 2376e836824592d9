import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DataTable } from "@/features/layout/components/data-table";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const site = (await getTranslations({ locale, namespace: "metadata" }))("title");
  return { title: `${(await getTranslations({ locale, namespace: "privacy" }))("cookies.title")} – ${site}` };
}

/**
 * The cookies page (issue #7, points 3 and 4): the only cookie is the strictly
 * necessary session cookie (seed 003: "technical cookies strictly necessary",
 * no consent), so no banner. Names and lifetimes from
 * src/server/applicant-sessions/session-policy.ts and
 * src/server/staff-sessions/session-policy.ts (cookies without Max-Age: they
 * end with the browser; the session behind them ends sooner).
 */
export default async function CookiesPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("privacy");
  const rows = [
    { name: "__Host-epns-session", purpose: t("cookies.sessionPurpose"), lifetime: t("cookies.sessionLifetime") },
    { name: "__Host-epns-staff", purpose: t("cookies.staffPurpose"), lifetime: t("cookies.staffLifetime") },
  ];
  return (
    <div className="fr-container fr-my-6w">
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
          <h1>{t("cookies.title")}</h1>
          <p>{t("cookies.intro")}</p>
          <DataTable
            className="fr-table--multiline fr-mb-3w"
            caption={t("cookies.tableCaption")}
            columns={[t("cookies.colName"), t("cookies.colPurpose"), t("cookies.colLifetime")]}
            rows={rows.map((row) => ({ key: row.name, cells: [<code key="name" dir="ltr">{row.name}</code>, row.purpose, row.lifetime] }))}
          />
          <p className="fr-text--sm">{t("cookies.devNote")}</p>
          <h2>{t("cookies.noConsentTitle")}</h2>
          <p>{t("cookies.noConsent")}</p>
          <p>{t("cookies.block")}</p>
          <p>
            <a className="fr-link" href={localePath(locale, "/donnees-personnelles")}>{t("title")}</a>
          </p>
        </div>
      </div>
    </div>
  );
}
