import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DocumentList } from "@/features/applicant-documents/components/document-list";
import { LoginDutyNotice } from "@/features/applicant-space/components/login-duty-notice";
import { requireApplicantPage } from "@/features/applicant-space/require-applicant";
import { FormSuccessAlert } from "@/features/forms/components/form-success-alert";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import { getLoginDuty } from "@/server/applicant-accounts/get-login-duty";
import { listApplicantDocuments } from "@/server/applicant-documents/list-applicant-documents";
import { getAccountOverview } from "@/server/applicant-account-settings/get-account-overview";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "space" });
  return { title: t("title"), robots: { index: false } };
}

export default async function SpacePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const current = await requireApplicantPage(locale);
  const t = await getTranslations("space");
  const [duty, overview, documents, query] = await Promise.all([getLoginDuty(current), getAccountOverview(current), listApplicantDocuments(current), searchParams]);
  return (
    <div className="fr-container fr-my-6w">
      <h1>{t("title")}</h1>
      {query.bienvenue ? <FormSuccessAlert title={t("welcomeTitle")} text={t("welcomeBody")} /> : null}
      {query["nouveau-mot-de-passe"] ? <FormSuccessAlert title={t("passwordResetTitle")} text={t("passwordResetBody")} /> : null}
      {overview && (overview.pendingEmail || overview.pendingPhone) ? (
        <div className="fr-alert fr-alert--info fr-mb-4w">
          <h2 className="fr-alert__title">{t("confirmContactsTitle")}</h2>
          <p>
            {t("confirmContactsBody")}{" "}
            <a className="fr-link" href={localePath(locale, "/compte#contacts")}>{t("confirmContactsLink")}</a>
          </p>
        </div>
      ) : null}
      {duty ? <LoginDutyNotice duty={duty} /> : null}
      <section aria-labelledby="documents-title" className="fr-mb-4w">
        <h2 id="documents-title">{t("documentsTitle")}</h2>
        <DocumentList documents={documents} locale={locale} />
      </section>
      {overview && !overview.email && !overview.phone && !overview.pendingEmail && !overview.pendingPhone ? (
        <div className="fr-notice fr-notice--info fr-mb-4w">
          <div className="fr-container">
            <div className="fr-notice__body">
              <p className="fr-notice__title">
                {t("noContactNotice")}{" "}
                <a className="fr-link" href={localePath(locale, "/compte#contacts")}>{t("addContactLink")}</a>
              </p>
            </div>
          </div>
        </div>
      ) : null}
      <p>
        <a className="fr-link fr-icon-account-circle-line fr-link--icon-left" href={localePath(locale, "/compte")}>{t("accountLink")}</a>
      </p>
    </div>
  );
}
