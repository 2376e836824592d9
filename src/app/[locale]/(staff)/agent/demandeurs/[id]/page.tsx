import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { DepositForm } from "@/features/staff-applicants/components/deposit-form";
import { StaffDocumentList } from "@/features/staff-applicants/components/staff-document-list";
import { FormSuccessAlert } from "@/features/forms/components/form-success-alert";
import { NotFoundContent } from "@/features/layout/components/not-found-content";
import { StaffBar } from "@/features/staff-space/components/staff-bar";
import { requireStaffPage } from "@/features/staff-space/require-staff-page";
import { applicantStateLabel, documentTypeName, STAFF_DATE_TIME } from "@/features/staff-space/staff-labels";
import type { Locale } from "@/i18n/routing";
import { abilitiesOf } from "@/server/authz/permissions";
import { env } from "@/server/env";
import { isAppError } from "@/server/errors";
import { requestContext } from "@/server/http/request-context";
import { getApplicantFile, type StaffApplicantFile } from "@/server/staff-applicants/get-applicant-file";
import { listApplicantDocumentsForStaff } from "@/server/staff-applicants/list-applicant-documents-for-staff";

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "agent" });
  return { title: t("applicantTitle"), robots: { index: false } };
}

/** One applicant's file for staff (issue #6, point 3, minimal): scoped, audited, abilities from the server. */
export default async function StaffApplicantPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const staff = await requireStaffPage(locale, "applicant.read");
  if (staff === "not-found") return <NotFoundContent locale={locale} />;
  let file: StaffApplicantFile;
  try {
    file = await getApplicantFile(staff, id, await requestContext());
  } catch (error) {
    // Outside the scope or unknown: the same page (seed 000, art. 8).
    if (isAppError(error, "NOT_FOUND")) return <NotFoundContent locale={locale} />;
    throw error;
  }
  const abilities = abilitiesOf(staff.role);
  const documents = abilities["document.list"] ? await listApplicantDocumentsForStaff(staff, file.id) : [];
  const query = await searchParams;
  const deposited = typeof query.depot === "string" ? documents.find((d) => d.id === query.depot) : undefined;
  const t = await getTranslations("agent");
  const format = await getFormatter();
  const when = (date: Date | null) => (date ? format.dateTime(date, STAFF_DATE_TIME) : t("none"));
  const yesNo = (value: boolean) => (value ? t("yes") : t("no"));
  return (
    <>
      <StaffBar staff={staff} locale={locale} />
      <div className="fr-container fr-my-6w">
        <h1>{t("applicantTitle")}</h1>
        {deposited ? (
          <FormSuccessAlert
            title={t("depositedTitle")}
            text={t(deposited.state === "PENDING" ? "depositedPending" : "depositedAvailable", { type: documentTypeName(t, deposited.type), reference: deposited.reference })}
          />
        ) : null}
        <dl className="epns-facts fr-mb-4w">
          <dt>{t("agdrefLabel")}</dt>
          <dd dir="ltr">{file.agdrefNumber}</dd>
          <dt>{t("ofpraLabel")}</dt>
          <dd dir="ltr">{file.ofpraNumber ?? t("none")}</dd>
          <dt>{t("stateLabel")}</dt>
          <dd>{applicantStateLabel(t, file.state)}{file.exempt ? ` — ${t("exempt")}` : ""}</dd>
          <dt>{t("activatedAtLabel")}</dt>
          <dd>{when(file.activatedAt)}</dd>
          <dt>{t("lastLoginAtLabel")}</dt>
          <dd>{when(file.lastLoginAt)}</dd>
          <dt>{t("contactsLabel")}</dt>
          <dd>{t("contactsValue", { email: yesNo(file.hasEmail), phone: yesNo(file.hasPhone) })}</dd>
          <dt>{t("hostStructureLabel")}</dt>
          <dd>{file.hostStructure ?? t("none")}</dd>
          <dt>{t("registrationStructureLabel")}</dt>
          <dd>{file.registrationStructure ?? t("none")}</dd>
        </dl>
        {abilities["document.deposit"] ? (
          <section aria-labelledby="deposit-title" className="fr-mb-6w">
            <h2 id="deposit-title">{t("depositTitle")}</h2>
            {file.notifiable ? (
              <DepositForm applicantId={file.id} maxMegabytes={Math.floor(env().DOCUMENT_MAX_BYTES / (1024 * 1024))} />
            ) : (
              <div className="fr-alert fr-alert--warning fr-alert--sm">
                <p>{t("notNotifiable")}</p>
              </div>
            )}
          </section>
        ) : null}
        {abilities["document.list"] ? (
          <section aria-labelledby="documents-title">
            <h2 id="documents-title">{t("documentsTitle")}</h2>
            <StaffDocumentList documents={documents} />
          </section>
        ) : null}
      </div>
    </>
  );
}
