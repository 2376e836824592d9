// Every datum the space holds about the applicant, in plain words (seed 000,
// art. 10, right of access; art. 9 lists what may be kept). Secrets never
// appear: keys, codes and passwords are held as hashes and shown by their dates.
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { documentTypeLabel } from "@/features/applicant-documents/document-labels";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import type { TApplicantData } from "@/server/applicant-rights/collect-applicant-data";
import {
  actorText, alertStatusText, applicantStateText, auditActionLabel, channelText, DATA_DATE, DATA_DATE_TIME, deviceText, documentStateText,
  purposeText, receiptKindText, requestKindText, requestStatusText, templateLabel,
} from "../labels";
import { DataTable } from "@/features/layout/components/data-table";

function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="fr-mb-6w">
      <h2 id={`${id}-title`}>{title}</h2>
      {intro ? <p>{intro}</p> : null}
      {children}
    </section>
  );
}

export const DATA_SECTIONS = ["identifiers", "structures", "contacts", "keys", "sessions", "codes", "documents", "alerts", "requests", "audit"] as const;

export async function ApplicantDataSections({ data, locale }: { data: TApplicantData; locale: Locale }) {
  const t = await getTranslations("rights");
  const td = await getTranslations("documents");
  const format = await getFormatter();
  const at = (date: Date | null) => (date ? format.dateTime(date, DATA_DATE_TIME) : t("never"));
  const day = (date: Date) => format.dateTime(date, DATA_DATE);
  const { identity } = data;
  const ltr = (text: string) => <span dir="ltr">{text}</span>;
  const docType = (type: TApplicantData["documents"][number]["type"]) => documentTypeLabel(td, type);
  return (
    <>
      <Section id="identifiers" title={t("identifiersTitle")}>
        <dl className="epns-facts">
          <dt>{t("agdrefNumber")}</dt>
          <dd>{ltr(identity.agdrefNumber)}</dd>
          <dt>{t("ofpraNumber")}</dt>
          <dd>{identity.ofpraNumber ? ltr(identity.ofpraNumber) : t("none")}</dd>
          <dt>{t("stateLabel")}</dt>
          <dd>{applicantStateText(t, identity.state)}</dd>
          <dt>{t("exemptLabel")}</dt>
          <dd>{identity.exempt ? t("exemptYes", { date: identity.exemptedAt ? day(identity.exemptedAt) : "—" }) : t("exemptNo")}</dd>
          <dt>{t("languageLabel")}</dt>
          <dd>{identity.language}</dd>
          <dt>{t("createdAtLabel")}</dt>
          <dd>{at(identity.createdAt)}</dd>
          <dt>{t("activatedAtLabel")}</dt>
          <dd>{at(identity.activatedAt)}</dd>
          <dt>{t("lastLoginAtLabel")}</dt>
          <dd>{at(identity.lastLoginAt)}</dd>
          <dt>{t("passwordChangedAtLabel")}</dt>
          <dd>{at(identity.passwordChangedAt)}</dd>
          <dt>{t("decisionNotifiedAtLabel")}</dt>
          <dd>{identity.decisionNotifiedAt ? at(identity.decisionNotifiedAt) : t("none")}</dd>
        </dl>
      </Section>

      <Section id="structures" title={t("structuresTitle")}>
        <dl className="epns-facts">
          <dt>{t("hostStructureLabel")}</dt>
          <dd>{data.hostStructure?.name ?? t("none")}</dd>
          <dt>{t("registrationStructureLabel")}</dt>
          <dd>{data.registrationStructure?.name ?? t("none")}</dd>
        </dl>
      </Section>

      <Section id="contacts" title={t("contactsTitle")}>
        <dl className="epns-facts fr-mb-2w">
          <dt>{t("emailLabel")}</dt>
          <dd>
            {data.contacts.email ? (
              <>
                {ltr(data.contacts.email.address)} — {data.contacts.email.confirmedAt ? t("confirmedOn", { date: day(data.contacts.email.confirmedAt) }) : t("notConfirmed")}
              </>
            ) : t("notGiven")}
          </dd>
          <dt>{t("phoneLabel")}</dt>
          <dd>
            {data.contacts.phone ? (
              <>
                {ltr(data.contacts.phone.number)} — {data.contacts.phone.confirmedAt ? t("confirmedOn", { date: day(data.contacts.phone.confirmedAt) }) : t("notConfirmed")}
              </>
            ) : t("notGiven")}
          </dd>
        </dl>
        <p>
          <a className="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={localePath(locale, "/compte#contacts")}>{t("rectifyContacts")}</a>
        </p>
      </Section>

      <Section id="keys" title={t("keysTitle")} intro={t("keysIntro")}>
        {data.connectionKeys.length === 0 ? (
          <p>{t("keysEmpty")}</p>
        ) : (
          <ul>
            {data.connectionKeys.map((key) => (
              <li key={key.issuedAt.toISOString()}>
                {t("keyIssuedOn", { date: at(key.issuedAt) })}, {key.usedAt ? t("keyUsedOn", { date: at(key.usedAt) }) : t("keyNotUsed")}, {key.revokedAt ? t("keyRevokedOn", { date: at(key.revokedAt) }) : t("keyValid")}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="sessions" title={t("sessionsTitle")} intro={t("sessionsIntro")}>
        {data.sessions.length === 0 ? (
          <p>{t("sessionsEmpty")}</p>
        ) : (
          <DataTable
            caption={t("sessionsTitle")}
            columns={[t("sessionStarted"), t("sessionLastSeen"), t("sessionDevice"), t("sessionIp"), t("sessionStatus")]}
            rows={data.sessions.map((s) => ({
              key: s.id,
              cells: [at(s.createdAt), at(s.lastSeenAt), deviceText(t, s.device), s.ipMasked ? ltr(s.ipMasked) : "—", !s.revokedAt && s.expiresAt > new Date() ? t("sessionActive") : t("sessionEnded")],
            }))}
          />
        )}
      </Section>

      <Section id="codes" title={t("codesTitle")} intro={t("codesIntro")}>
        {data.codesAndLinks.length === 0 ? (
          <p>{t("codesEmpty")}</p>
        ) : (
          <ul>
            {data.codesAndLinks.map((c) => (
              <li key={c.createdAt.toISOString() + c.purpose}>
                {purposeText(t, c.purpose)}
                {c.target ? ` (${t("codeSentTo", { target: c.target })})` : null} — {t("codeCreated", { date: at(c.createdAt) })}, {c.usedAt ? t("codeUsed", { date: at(c.usedAt) }) : t("codeUnused", { date: at(c.expiresAt) })}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="documents" title={t("documentsTitle")} intro={t("documentsIntro")}>
        {data.documents.length === 0 ? (
          <p>{t("documentsEmpty")}</p>
        ) : (
          <DataTable
            caption={t("documentsTitle")}
            columns={[t("documentType"), t("documentReference"), t("documentState"), t("documentDates"), t("documentReceipts")]}
            rows={data.documents.map((d) => ({
              key: d.id,
              cells: [
                docType(d.type),
                ltr(d.reference),
                documentStateText(t, d.state),
                <ul key="dates" className="fr-raw-list">
                  {d.availableAt ? <li>{t("docAvailableOn", { date: at(d.availableAt) })}</li> : null}
                  {d.firstOpenedAt ? <li>{t("docOpenedOn", { date: at(d.firstOpenedAt) })}</li> : null}
                  {d.state === "AVAILABLE" && d.deadlineAt ? <li>{t("docDeadline", { date: day(new Date(d.deadlineAt.getTime() - 1)) })}</li> : null}
                  {d.postalSentAt ? <li>{t("docPostalSent", { date: day(d.postalSentAt) })}</li> : null}
                </ul>,
                d.receipts.length === 0 ? t("receiptsNone") : (
                  <ul key="receipts" className="fr-raw-list">
                    {d.receipts.map((r) => (
                      <li key={r.id}>{receiptKindText(t, r.kind)} — {at(r.eventAt)}</li>
                    ))}
                  </ul>
                ),
              ],
            }))}
          />
        )}
      </Section>

      <Section id="alerts" title={t("alertsTitle")} intro={t("alertsIntro")}>
        {data.alerts.length === 0 ? (
          <p>{t("alertsEmpty")}</p>
        ) : (
          <DataTable
            caption={t("alertsTitle")}
            columns={[t("alertDates"), t("alertChannel"), t("alertTemplate"), t("alertStatus")]}
            rows={data.alerts.map((a) => ({
              key: a.id,
              cells: [
                <>{t("alertCreated", { date: at(a.createdAt) })}{a.deliveredAt ? <>, {t("alertDelivered", { date: at(a.deliveredAt) })}</> : null}</>,
                channelText(t, a.channel),
                <>{templateLabel(t, a.template)}{a.documentReference ? <> ({ltr(a.documentReference)})</> : null}</>,
                alertStatusText(t, a.status),
              ],
            }))}
          />
        )}
      </Section>

      <Section id="requests" title={t("requestsListTitle")}>
        {data.rightsRequests.length === 0 ? (
          <p>{t("requestsListEmpty")}</p>
        ) : (
          <ul>
            {data.rightsRequests.map((r) => (
              <li key={r.id}>
                <strong>{requestKindText(t, r.kind)}</strong> — {t("requestSentOn", { date: at(r.createdAt) })} —{" "}
                {requestStatusText(t, r, day)}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="audit" title={t("auditTitle")} intro={t("auditIntro")}>
        {data.auditEvents.events.length === 0 ? (
          <p>{t("auditEmpty")}</p>
        ) : (
          <>
            {data.auditEvents.total > data.auditEvents.shown ? <p>{t("auditMore", { shown: data.auditEvents.shown, total: data.auditEvents.total })}</p> : null}
            <DataTable
              caption={t("auditTitle")}
              columns={[t("auditWhen"), t("auditWhat"), t("auditWho")]}
              rows={data.auditEvents.events.map((e, index) => ({ key: `${e.occurredAt.toISOString()}-${index}`, cells: [at(e.occurredAt), auditActionLabel(t, e.action), actorText(t, e.by)] }))}
            />
          </>
        )}
      </Section>
    </>
  );
}
