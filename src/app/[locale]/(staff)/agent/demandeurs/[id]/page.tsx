import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { DepositForm } from "@/features/staff-applicants/components/deposit-form";
import { ExemptionForm } from "@/features/staff-postal/components/exemption-form";
import { PostalDocumentForm } from "@/features/staff-postal/components/postal-document-form";
import { PostalDocumentList } from "@/features/staff-postal/components/postal-document-list";
import { exemptionReasonLabel } from "@/features/staff-postal/postal-labels";
import { KeyLetterForm } from "@/features/staff-registration/components/key-letter-form";
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

/**
 * One applicant's file for staff (issue #6, points 3-5): scoped, audited, abilities from the server.
 * State, activation, last login, contacts present (never the contacts), structures, the track that
 * applies, the key history and the key handover, the exemption and its history, documents of
 * both tracks with the deposit or the postal record.
 */
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
  const electronic = documents.filter((d) => d.state !== "POSTAL");
  const postal = documents.filter((d) => d.state === "POSTAL");
  const t = await getTranslations("agent");
  const tf = await getTranslations("agentFile");
  const format = await getFormatter();
  const when = (date: Date | null) => (date ? format.dateTime(date, STAFF_DATE_TIME) : t("none"));
  const yesNo = (value: boolean) => (value ? t("yes") : t("no"));
  return (
    <>
      <StaffBar staff={staff} locale={locale} />
      <div className="fr-container fr-my-6w">
        <h1>{t("applicantTitle")}</h1>
        {query.inscrit === "1" ? <FormSuccessAlert title={tf("registeredTitle")} text={abilities["key.issue"] ? tf("registeredText") : undefined} /> : null}
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
          <dt>{tf("trackLabel")}</dt>
          <dd>{file.track === "POSTAL" ? tf("trackPOSTAL") : tf("trackELECTRONIC")}</dd>
        </dl>
        <section aria-labelledby="key-title" className="fr-mb-6w">
          <h2 id="key-title">{tf("keyTitle")}</h2>
          {file.keys.length === 0 ? (
            <p>{tf("noKeys")}</p>
          ) : (
            <div className="fr-table fr-table--no-caption">
              <table>
                <caption>{tf("keyHistoryCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{tf("keyIssuedAt")}</th>
                    <th scope="col">{tf("keyIssuedBy")}</th>
                    <th scope="col">{tf("keyUsedAt")}</th>
                    <th scope="col">{tf("keyStatus")}</th>
                  </tr>
                </thead>
                <tbody>
                  {file.keys.map((key) => (
                    <tr key={key.id}>
                      <td>{when(key.issuedAt)}</td>
                      <td>{key.issuedByStructure ?? tf("keyBySystem")}</td>
                      <td>{when(key.usedAt)}</td>
                      <td>{key.revokedAt ? `${tf("keyRevoked")} (${tf("keyRevokedAt")} ${when(key.revokedAt)})` : tf("keyActive")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {abilities["key.issue"] && file.state !== "DEACTIVATED" ? (
            <KeyLetterForm applicantId={file.id} hasKey={file.keys.some((k) => !k.revokedAt)} active={file.state === "ACTIVE"} />
          ) : null}
        </section>
        <section aria-labelledby="exemption-title" className="fr-mb-6w">
          <h2 id="exemption-title">{tf("exemptionTitle")}</h2>
          <p>{tf("exemptionIntro")}</p>
          <p className="fr-text--bold">
            {file.exempt && file.exemptedAt
              ? tf("exemptNow", { date: when(file.exemptedAt), reason: exemptionReasonLabel(tf, file.exemptionReason ?? "") })
              : tf("notExemptNow")}
          </p>
          {file.exemptionHistory.length === 0 ? (
            <p>{tf("noExemptionHistory")}</p>
          ) : (
            <div className="fr-table fr-table--no-caption">
              <table>
                <caption>{tf("exemptionHistoryCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{tf("eventDate")}</th>
                    <th scope="col">{tf("eventKind")}</th>
                    <th scope="col">{tf("eventReason")}</th>
                    {abilities["applicant.exemption"] ? <th scope="col">{tf("eventNote")}</th> : null}
                    <th scope="col">{tf("eventBy")}</th>
                  </tr>
                </thead>
                <tbody>
                  {file.exemptionHistory.map((event) => (
                    <tr key={event.id}>
                      <td>{when(event.occurredAt)}</td>
                      <td>{event.kind === "EXEMPTED" ? tf("eventEXEMPTED") : tf("eventLIFTED")}</td>
                      <td>{event.reason ? exemptionReasonLabel(tf, event.reason) : t("none")}</td>
                      {abilities["applicant.exemption"] ? <td>{event.note ?? t("none")}</td> : null}
                      <td>{event.byStructure ?? t("none")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {abilities["applicant.exemption"] ? <ExemptionForm applicantId={file.id} exempt={file.exempt} /> : null}
        </section>
        {file.exempt && abilities["postal.record"] ? (
          <section aria-labelledby="postal-title" className="fr-mb-6w">
            <h2 id="postal-title">{tf("postalTitle")}</h2>
            <p>{tf("postalIntro")}</p>
            <PostalDocumentForm applicantId={file.id} types={(["CONVOCATION", "DECISION", "INTRODUCTION_LETTER", "OTHER_LETTER"] as const).map((type) => ({ value: type, label: documentTypeName(t, type) }))} />
          </section>
        ) : abilities["document.deposit"] ? (
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
          <>
            <section aria-labelledby="documents-title" className="fr-mb-6w">
              <h2 id="documents-title">{t("documentsTitle")}</h2>
              <StaffDocumentList documents={electronic} />
            </section>
            <section aria-labelledby="postal-documents-title">
              <h2 id="postal-documents-title">{tf("postalDocumentsTitle")}</h2>
              <PostalDocumentList applicantId={file.id} documents={postal} canRecord={abilities["postal.record"]} />
            </section>
          </>
        ) : null}
      </div>
    </>
  );
}
